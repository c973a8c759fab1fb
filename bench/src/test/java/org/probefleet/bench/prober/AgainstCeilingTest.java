package org.probefleet.bench.prober;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgainstCeilingTest {

    private static ScheduledLoad.Load completed(long runs) {
        return new ScheduledLoad.Load(60, runs, 0, List.of(), 0, Duration.ofMinutes(10), 0);
    }

    @Test
    @DisplayName("the scheduled rate is measured against the bare ceiling, or against the schedule when the ceiling is above it")
    void reachable() {
        // A ceiling of 50 a minute (1,200 ms a checkout): 45 completed a minute is 0.90 of it.
        assertThat(ProberBench.againstCeiling(completed(450), Optional.of(new LoopStats(100, 1200, 1200, 1300))))
                .contains("45.0 / 50.0 = 0.90");
        // A ceiling of 85.7 a minute (700 ms): sixty scheduled can complete sixty, so 59.9 a minute is 1.00 of what is reachable.
        assertThat(ProberBench.againstCeiling(completed(599), Optional.of(new LoopStats(100, 700, 700, 800))))
                .contains("ceiling 85.7").contains("59.9 / 60.0 = 1.00");
        assertThat(ProberBench.againstCeiling(completed(599), Optional.empty())).contains("not measured");
    }
}
