package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunTrigger;

/** A failed confirmation run is evaluated within seconds, not at the next evaluation interval. */
class TimelyEvaluationTest {

    @TempDir
    Path folder;
    TestCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        // An hour between evaluations: only the one at start-up happens on the timer during this test.
        coordinator = new TestCoordinator(folder, new TestClock(IngestApiTest.NOW), "sqlite:" + folder.resolve("probefleet.db"),
                AlertingConfig.NONE, Optional.empty(), Duration.ofHours(1));
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    /** The journey SLO measuring checkout as last evaluated, once an evaluation has produced it. */
    private Optional<JsonNode> checkoutSlo() throws Exception {
        for (JsonNode slo : coordinator.json(coordinator.send("GET", "/api/v1/slos", null, null)).path("slos")) {
            if ("checkout".equals(slo.path("journey").asText()) && "journey".equals(slo.path("indicator").asText())) {
                return Optional.of(slo);
            }
        }
        return Optional.empty();
    }

    @Test
    @DisplayName("a failed scheduled run waits for the interval; a failed confirmation run evaluates every SLO within seconds")
    void confirmationFailureEvaluatesSoon() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkoutSlo().isPresent());
        List<Outcome> scheduled = new ArrayList<>(IngestApiTest.healthy(8));
        scheduled.add(IngestApiTest.outcome("eu-west-1", "eu-west", IngestApiTest.NOW.minusSeconds(20), OutcomeStatus.FAILURE));
        coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(scheduled));
        JsonNode before = checkoutSlo().orElseThrow();

        Outcome confirmation = IngestApiTest.outcome("us-east-1", "us-east", IngestApiTest.NOW.minusSeconds(10), OutcomeStatus.FAILURE)
                .withTrigger(RunTrigger.CONFIRMATION);
        coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.US_TOKEN, IngestApiTest.batch(List.of(confirmation)));

        // Still the start-up evaluation's: no events.
        assertThat(before.path("sli").isNull()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(checkoutSlo().orElseThrow().path("sli").asDouble()).isEqualTo(8.0 / 10));
    }
}
