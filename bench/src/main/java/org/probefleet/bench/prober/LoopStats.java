package org.probefleet.bench.prober;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One checkout after another, summarised: mean, median and p99 milliseconds, and the rate they make. */
record LoopStats(int runs, double meanMs, long p50Ms, long p99Ms) {

    static LoopStats of(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new LoopStats(sorted.size(), sorted.stream().mapToLong(Long::longValue).average().orElse(Double.NaN),
                percentile(sorted, 0.5), percentile(sorted, 0.99));
    }

    /** Checkouts a minute one at a time: each run's time is all the loop does. */
    double perMinute() {
        return 60_000 / meanMs;
    }

    static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
