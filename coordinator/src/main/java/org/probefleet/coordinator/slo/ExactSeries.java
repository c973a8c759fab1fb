package org.probefleet.coordinator.slo;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A series kept event by event (or by recorded minute) with running totals: exact counts over any
 * window in O(log n). Backtesting uses it, so its answers match a count by hand to the event.
 */
public final class ExactSeries implements SeriesCounts {

    private final long[] times;
    private final long[] cumulativeGood;
    private final long[] cumulativeBad;
    private final long[] seen;

    private ExactSeries(long[] times, long[] cumulativeGood, long[] cumulativeBad, long[] seen) {
        this.times = times;
        this.cumulativeGood = cumulativeGood;
        this.cumulativeBad = cumulativeBad;
        this.seen = seen;
    }

    /** Collects events in any order, one by one or as a minute's recorded counts. */
    public static final class Builder {
        private long[] times = new long[64];
        private long[] goods = new long[64];
        private long[] bads = new long[64];
        private int size;
        private long[] seen = new long[64];
        private int seenSize;

        public Builder add(Instant at, Classification classification) {
            if (!classification.counts()) {
                return add(at, 0, 0);
            }
            return classification.countsAsBad() ? add(at, 0, 1) : add(at, 1, 0);
        }

        /** Many events at one instant, as a recorded minute holds them; none at all still says the series was seen then. */
        public Builder add(Instant at, long good, long bad) {
            if (seenSize == seen.length) {
                seen = Arrays.copyOf(seen, seenSize * 2);
            }
            seen[seenSize++] = at.toEpochMilli();
            if (good + bad == 0) {
                return this;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                goods = Arrays.copyOf(goods, size * 2);
                bads = Arrays.copyOf(bads, size * 2);
            }
            times[size] = at.toEpochMilli();
            goods[size] = good;
            bads[size] = bad;
            size++;
            return this;
        }

        public ExactSeries build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] sortedTimes = new long[size];
            long[] good = new long[size + 1];
            long[] bad = new long[size + 1];
            for (int i = 0; i < size; i++) {
                int index = order[i];
                sortedTimes[i] = times[index];
                good[i + 1] = good[i] + goods[index];
                bad[i + 1] = bad[i] + bads[index];
            }
            long[] sortedSeen = Arrays.copyOf(seen, seenSize);
            Arrays.sort(sortedSeen);
            return new ExactSeries(sortedTimes, good, bad, sortedSeen);
        }
    }

    @Override
    public Counts count(Instant fromExclusive, Instant toInclusive) {
        int from = upperBound(times, fromExclusive.toEpochMilli());
        int to = upperBound(times, toInclusive.toEpochMilli());
        if (to <= from) {
            return Counts.ZERO;
        }
        return new Counts(cumulativeGood[to] - cumulativeGood[from], cumulativeBad[to] - cumulativeBad[from]);
    }

    @Override
    public Optional<Instant> lastSeenAtOrBefore(Instant at) {
        int index = upperBound(seen, at.toEpochMilli());
        return index == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(seen[index - 1]));
    }

    /** The number of values ≤ {@code value} in the sorted array. */
    private static int upperBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
