package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Every series the coordinator knows of is on {@code /metrics} from the start, and again after a restart. */
class MetricsAtStartTest {

    static final Instant NOW = IngestApiTest.NOW;

    @TempDir
    Path folder;

    /** {@code /metrics} after an evaluation has set the SLO gauges. */
    static String evaluated(TestCoordinator coordinator) throws Exception {
        coordinator.server.evaluate().await(30, TimeUnit.SECONDS);
        return coordinator.send("GET", "/metrics", null, null).body();
    }

    @Test
    @DisplayName("before any outcome or heartbeat: every agent down, every journey's counts, every alert and every SLI window at 0")
    void freshCoordinator() throws Exception {
        try (TestCoordinator coordinator = new TestCoordinator(folder, new TestClock(NOW))) {
            String metrics = evaluated(coordinator);

            assertThat(metrics).contains(
                    "probefleet_agent_up{agent=\"ap-south-1\",region=\"ap-south\"} 0.0",
                    "probefleet_agent_up{agent=\"eu-west-2\",region=\"eu-west\"} 0.0",
                    // checkout names its regions; search runs in every region the fleet has.
                    "probefleet_outcomes_ingested_total{journey=\"checkout\",region=\"ap-south\",status=\"prober_error\"} 0.0",
                    "probefleet_outcomes_ingested_total{journey=\"search\",region=\"us-east\",status=\"failure\"} 0.0",
                    "probefleet_outcomes_unknown_journey_total 0.0",
                    "probefleet_slo_alert_firing{region=\"global\",severity=\"page\",slo=\"checkout-journey-success\"} 0.0",
                    "probefleet_slo_alert_firing{region=\"eu-west\",severity=\"ticket\",slo=\"checkout-journey-success\"} 0.0");
        }
    }

    @Test
    @DisplayName("after a restart the ingest counters are there at 0 before the next outcome, and every window has its SLI")
    void afterRestart() throws Exception {
        String store = "sqlite:" + folder.resolve("probefleet.db");
        try (TestCoordinator first = new TestCoordinator(folder, new TestClock(NOW), store)) {
            first.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN,
                    IngestApiTest.batch(List.of(IngestApiTest.outcome("eu-west-1", "eu-west", NOW.minusSeconds(30), OutcomeStatus.SUCCESS))));
        }
        try (TestCoordinator restarted = new TestCoordinator(folder, new TestClock(NOW), store)) {
            String metrics = evaluated(restarted);

            assertThat(metrics).contains(
                    "probefleet_outcomes_ingested_total{journey=\"checkout\",region=\"eu-west\",status=\"success\"} 0.0");
            for (String window : List.of("5m", "30m", "1h", "2h", "6h", "1d", "3d", "30d")) {
                assertThat(metrics).contains("probefleet_slo_sli_ratio{region=\"eu-west\",slo=\"checkout-journey-success\",window=\"" + window + "\"} 1.0");
            }
        }
    }
}
