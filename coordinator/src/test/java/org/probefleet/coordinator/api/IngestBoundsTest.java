package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/** What a sender can make the coordinator keep: ids are bounded, and journeys nobody defined label no series. */
class IngestBoundsTest {

    static final Instant NOW = IngestApiTest.NOW;

    @TempDir
    Path folder;
    TestCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, new TestClock(NOW));
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    static Outcome of(String journey) {
        return new Outcome(UUID.randomUUID(), journey, "1", "eu-west", "eu-west-1", NOW.minusSeconds(30), 1500, OutcomeStatus.SUCCESS, 1,
                Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    HttpResponse<String> post(List<Outcome> outcomes) throws Exception {
        return coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(outcomes));
    }

    String metrics() throws Exception {
        return coordinator.send("GET", "/metrics", null, null).body();
    }

    @Test
    @DisplayName("batches of unique 800-character journey names are refused, naming the field and the limit, and add no series")
    void longJourneyNames() throws Exception {
        long seriesBefore = metrics().lines().count();
        for (int batch = 0; batch < 10; batch++) {
            String name = "j" + batch + "-" + "x".repeat(800);
            HttpResponse<String> response = post(List.of(of(name)));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(coordinator.json(response).get("problems")).extracting(problem -> problem.asText())
                    .containsExactly("outcomes[0].journey: " + name.length() + " characters; an id has at most 63");
        }
        assertThat(coordinator.json(coordinator.send("GET", "/api/v1/outcomes", null, null)).get("outcomes")).isEmpty();
        assertThat(metrics()).doesNotContain("xxxxxxxx");
        assertThat(metrics().lines().count()).isEqualTo(seriesBefore);
    }

    @Test
    @DisplayName("a 900,001-character journey id is refused")
    void hugeId() throws Exception {
        HttpResponse<String> response = post(List.of(of("a".repeat(900_001))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(response).get("problems").get(0).asText())
                .isEqualTo("outcomes[0].journey: 900001 characters; an id has at most 63");
    }

    @Test
    @DisplayName("an id of 63 characters is the longest accepted; 64 is refused")
    void limitIsSixtyThree() throws Exception {
        assertThat(post(List.of(of("a".repeat(64)))).statusCode()).isEqualTo(400);
        assertThat(post(List.of(of("a".repeat(63)))).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("an unknown but valid journey is stored and counted as unknown, with no series of its own and no SLO")
    void unknownJourney() throws Exception {
        Outcome unknown = of("removed-yesterday");
        String before = metrics();

        HttpResponse<String> response = post(List.of(unknown));
        coordinator.server.slos().evaluate();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(coordinator.send("GET", "/api/v1/outcomes/" + unknown.runId(), null, null).statusCode()).isEqualTo(200);
        assertThat(before).contains("probefleet_outcomes_unknown_journey_total 0.0");
        String after = metrics();
        assertThat(after).contains("probefleet_outcomes_unknown_journey_total 1.0").doesNotContain("removed-yesterday");
        assertThat(coordinator.server.slos().snapshots().values()).allSatisfy(snapshot ->
                assertThat(snapshot.global().sloWindow().total()).as(snapshot.slo().name()).isZero());
    }
}
