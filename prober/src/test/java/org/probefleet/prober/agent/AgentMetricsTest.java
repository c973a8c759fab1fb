package org.probefleet.prober.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
}
