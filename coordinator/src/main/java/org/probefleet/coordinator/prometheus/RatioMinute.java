package org.probefleet.coordinator.prometheus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.slo.Cadence;
import org.probefleet.wire.Conventions;

/**
 * One minute of a Prometheus ratio as counts per region (the {@code region} label, or
 * {@link Cadence#UNLABELLED}): each query's per-second rate at the minute's end times 60, rounded,
 * with what rounding dropped carried into the next minute so a slow trickle still adds up. A
 * region the denominator does not report has no data that minute; one it reports without a
 * numerator had no good events (a success counter that never moved may not exist yet).
 */
public final class RatioMinute {

    private static final double SECONDS = 60;

    /** What rounding left over per region, good and total; kept by the caller between minutes. */
    public static final class Carry {
        private final Map<String, double[]> left = new TreeMap<>();
    }

    private RatioMinute() {
    }

    public static List<MinuteCounts> counts(String slo, Instant minuteEnd, List<PrometheusQueries.Sample> good,
                                            List<PrometheusQueries.Sample> total, Carry carry) {
        Map<String, Double> goodRates = byRegion(good);
        List<MinuteCounts> counted = new ArrayList<>();
        byRegion(total).forEach((region, totalRate) -> {
            double goodRate = goodRates.getOrDefault(region, 0.0);
            if (!Double.isFinite(totalRate) || !Double.isFinite(goodRate)) {
                return;
            }
            double[] left = carry.left.computeIfAbsent(region, key -> new double[2]);
            double totalEvents = Math.max(0, totalRate) * SECONDS + left[1];
            double goodEvents = Math.min(Math.max(0, goodRate) * SECONDS + left[0], totalEvents);
            long totalCount = Math.round(totalEvents);
            long goodCount = Math.min(Math.round(goodEvents), totalCount);
            left[0] = goodEvents - goodCount;
            left[1] = totalEvents - totalCount;
            counted.add(new MinuteCounts(slo, region, MinuteCounts.minuteOf(minuteEnd), minuteEnd, goodCount, totalCount - goodCount, 0, 0));
        });
        return counted;
    }

    private static Map<String, Double> byRegion(List<PrometheusQueries.Sample> samples) {
        Map<String, Double> rates = new TreeMap<>();
        for (PrometheusQueries.Sample sample : samples) {
            rates.merge(sample.labels().getOrDefault(Conventions.REGION, Cadence.UNLABELLED), sample.value(), Double::sum);
        }
        return rates;
    }
}
