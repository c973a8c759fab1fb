package org.probefleet.coordinator.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probefleet.coordinator.slo.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RollingSeriesTest {

    @Test
    @DisplayName("on bucket boundaries every window matches an exact count of the same events, late arrivals included")
    void matchesExactOnBoundaries() {
        RollingSeries rolling = new RollingSeries(Duration.ofDays(30));
        ExactSeries.Builder exact = new ExactSeries.Builder();
        Random random = new Random(42);
        // Ten days of events in time order, a tenth of them held back and delivered last (late).
        java.util.List<Instant> late = new java.util.ArrayList<>();
        Instant at = T0;
        for (int i = 0; i < 20_000; i++) {
            at = at.plusMillis(1 + random.nextInt(86_000));
            Classification kind = random.nextInt(20) == 0 ? Classification.BAD : Classification.GOOD;
            exact.add(at, kind);
            if (random.nextInt(10) == 0 && kind == Classification.GOOD) {
                late.add(at);
            } else {
                rolling.add(at, kind);
            }
        }
        late.forEach(instant -> rolling.add(instant, Classification.GOOD));
        ExactSeries reference = exact.build();
        Instant now = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1));
        for (Window window : Window.BURN_WINDOWS) {
            assertThat(rolling.count(now.minus(window.length()), now)).as(window.name())
                    .isEqualTo(reference.count(now.minus(window.length()), now));
        }
        assertThat(rolling.count(now.minus(Duration.ofDays(30)), now)).isEqualTo(reference.count(now.minus(Duration.ofDays(30)), now));
    }

    @Test
    @DisplayName("an event older than the previous newest still counts in every window that holds it")
    void lateEvent() {
        RollingSeries series = new RollingSeries(Duration.ofDays(30));
        series.add(T0.plus(Duration.ofMinutes(30)), Classification.GOOD);
        series.add(T0.plus(Duration.ofMinutes(5)), Classification.BAD);
        series.add(T0.minus(Duration.ofMinutes(10)), Classification.SLOW);

        Instant now = T0.plus(Duration.ofHours(1));
        assertThat(series.count(now.minus(Duration.ofHours(1)), now)).isEqualTo(new Counts(1, 1));
        assertThat(series.count(now.minus(Duration.ofHours(2)), now)).isEqualTo(new Counts(1, 2));
        assertThat(series.count(now.minus(Duration.ofMinutes(5)), now)).isEqualTo(Counts.ZERO);
    }

    @Test
    @DisplayName("prober errors count as seen but neither good nor bad")
    void proberErrors() {
        RollingSeries series = new RollingSeries(Duration.ofDays(30));
        series.add(T0, Classification.PROBER_ERROR);

        assertThat(series.count(T0.minus(Duration.ofHours(1)), T0)).isEqualTo(Counts.ZERO);
        assertThat(series.lastSeenAtOrBefore(T0.plusSeconds(5))).contains(T0);
    }
}
