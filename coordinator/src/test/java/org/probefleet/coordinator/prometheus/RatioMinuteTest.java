package org.probefleet.coordinator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.prometheus.PrometheusQueries.Sample;

class RatioMinuteTest {

    static final Instant END = Instant.parse("2026-11-30T10:01:00Z");

    static Sample rate(String region, double perSecond) {
        return new Sample(region == null ? Map.of() : Map.of("region", region, "job", "shop"), perSecond);
    }

    @Test
    @DisplayName("rates per second become the minute's counts per region, and a result without a region label is region 'all'")
    void ratesBecomeCounts() {
        List<MinuteCounts> regional = RatioMinute.counts("s", END, List.of(rate("eu", 9), rate("us", 2)),
                List.of(rate("eu", 10), rate("us", 2)), new RatioMinute.Carry());
        List<MinuteCounts> whole = RatioMinute.counts("s", END, List.of(rate(null, 0.5)), List.of(rate(null, 1)), new RatioMinute.Carry());

        assertThat(regional).containsExactly(new MinuteCounts("s", "eu", MinuteCounts.minuteOf(END), END, 540, 60, 0, 0),
                new MinuteCounts("s", "us", MinuteCounts.minuteOf(END), END, 120, 0, 0, 0));
        assertThat(whole).containsExactly(new MinuteCounts("s", "all", MinuteCounts.minuteOf(END), END, 30, 30, 0, 0));
    }

    @Test
    @DisplayName("an empty denominator is no data, an empty numerator beside a denominator is no good events, NaN is no data")
    void emptyResults() {
        assertThat(RatioMinute.counts("s", END, List.of(rate("eu", 1)), List.of(), new RatioMinute.Carry())).isEmpty();
        assertThat(RatioMinute.counts("s", END, List.of(), List.of(rate("eu", 1)), new RatioMinute.Carry()))
                .containsExactly(new MinuteCounts("s", "eu", MinuteCounts.minuteOf(END), END, 0, 60, 0, 0));
        assertThat(RatioMinute.counts("s", END, List.of(rate("eu", Double.NaN)), List.of(rate("eu", Double.NaN)),
                new RatioMinute.Carry())).isEmpty();
    }

    @Test
    @DisplayName("a trickle below one event a minute adds up through the carried remainder: 1 event in 5 minutes counts once")
    void trickleAddsUp() {
        RatioMinute.Carry carry = new RatioMinute.Carry();
        long total = 0;
        for (int minute = 0; minute < 5; minute++) {
            // 1/300 per second: one event every five minutes.
            total += RatioMinute.counts("s", END.plusSeconds(60L * minute), List.of(rate(null, 1 / 300.0)), List.of(rate(null, 1 / 300.0)),
                    carry).get(0).good();
        }

        assertThat(total).isEqualTo(1);
    }

    @Test
    @DisplayName("a numerator above its denominator (rates smoothed apart) never counts more good events than events")
    void goodNeverAboveTotal() {
        assertThat(RatioMinute.counts("s", END, List.of(rate(null, 12)), List.of(rate(null, 10)), new RatioMinute.Carry()))
                .containsExactly(new MinuteCounts("s", "all", MinuteCounts.minuteOf(END), END, 600, 0, 0, 0));
    }
}
