package org.probefleet.prober.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

class AgentMetricsTest {

    @Test
    void eachHeartbeatReportsTheLatestStartSinceThePreviousOne() {
        AgentMetrics metrics = new AgentMetrics(() -> 0, () -> 0);
        metrics.lag(Duration.ofMillis(40));
        metrics.lag(Duration.ofMillis(1200));
        metrics.lag(Duration.ofMillis(-5));

        assertThat(metrics.takeWorstLagMillis()).isEqualTo(1200);
        assertThat(metrics.takeWorstLagMillis()).as("nothing ran since").isZero();
        metrics.lag(Duration.ofMillis(7));
        assertThat(metrics.takeWorstLagMillis()).isEqualTo(7);
        assertThat(metrics.scrape()).contains("probefleet_schedule_lag_seconds_count 4");
    }

    @Test
    @DisplayName("assigned journeys expose every status's runs counter and duration buckets at 0 before any run, so an outage after a restart still has a success series")
    void assignedJourneysExposeEverySeriesAtZero() {
        AgentMetrics metrics = new AgentMetrics(() -> 0, () -> 0);

        metrics.assigned(List.of("checkout", "search"), "eu-west");

        String scrape = metrics.scrape();
        for (String journey : List.of("checkout", "search")) {
            for (String status : List.of("success", "failure", "prober_error")) {
                String labels = "journey=\"" + journey + "\",region=\"eu-west\",status=\"" + status + "\"";
                assertThat(scrape).contains("probefleet_journey_runs_total{" + labels + "} 0.0")
                        .contains("probefleet_journey_duration_seconds_bucket{" + labels + ",le=\"8.0\"} 0")
                        .contains("probefleet_journey_duration_seconds_count{" + labels + "} 0");
            }
        }
    }

    @Test
    @DisplayName("a run after the assignment counts on the series exposed at 0")
    void runCountsOnTheExposedSeries() {
        AgentMetrics metrics = new AgentMetrics(() -> 0, () -> 0);
        metrics.assigned(List.of("checkout"), "eu-west");

        metrics.recorded(new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.parse("2026-11-28T12:00:00Z"),
                1200, OutcomeStatus.FAILURE, 1, Optional.empty(), Optional.empty(), List.of(), Map.of()));

        String scrape = metrics.scrape();
        assertThat(scrape).contains("probefleet_journey_runs_total{journey=\"checkout\",region=\"eu-west\",status=\"failure\"} 1.0")
                .contains("probefleet_journey_runs_total{journey=\"checkout\",region=\"eu-west\",status=\"success\"} 0.0")
                .contains("probefleet_journey_duration_seconds_bucket{journey=\"checkout\",region=\"eu-west\",status=\"failure\",le=\"2.0\"} 1");
    }
}
