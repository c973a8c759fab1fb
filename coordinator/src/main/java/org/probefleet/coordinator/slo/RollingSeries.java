package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A series kept in two rings of running totals: one-minute buckets for windows up to six hours
 * and one-hour buckets up to the SLO window. A window sum is two lookups, so evaluating every
 * window of every series costs O(1) each, whatever the traffic. Buckets are closed at their
 * end like windows, so a window is exact when it starts on a bucket boundary and otherwise
 * short by less than one bucket at its start.
 */
public final class RollingSeries implements SeriesCounts {

    static final Duration MINUTE = Duration.ofMinutes(1);
    static final Duration HOUR = Duration.ofHours(1);
    /** Windows up to this long use the minute ring. */
    static final Duration FINE_SPAN = Duration.ofHours(6);

    private final Ring minutes;
    private final Ring hours;
    private long lastSeenMillis = Long.MIN_VALUE;

    public RollingSeries(Duration longestWindow) {
        this.minutes = new Ring(MINUTE.toMillis(), (int) (FINE_SPAN.toMinutes() + 2));
        this.hours = new Ring(HOUR.toMillis(), (int) (Math.max(longestWindow.toHours(), Window.D3.length().toHours()) + 2));
    }

    public synchronized void add(Instant at, Classification classification) {
        lastSeenMillis = Math.max(lastSeenMillis, at.toEpochMilli());
        if (classification.counts()) {
            boolean bad = classification.countsAsBad();
            minutes.add(at.toEpochMilli(), bad);
            hours.add(at.toEpochMilli(), bad);
        }
    }

    @Override
    public synchronized Counts count(Instant fromExclusive, Instant toInclusive) {
        Ring ring = Duration.between(fromExclusive, toInclusive).compareTo(FINE_SPAN) <= 0 ? minutes : hours;
        return ring.between(fromExclusive.toEpochMilli(), toInclusive.toEpochMilli());
    }

    @Override
    public synchronized Optional<Instant> lastSeenAtOrBefore(Instant at) {
        return lastSeenMillis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Math.min(lastSeenMillis, at.toEpochMilli())));
    }

    /** Running totals of good and bad per bucket, in a ring that forgets the oldest buckets. */
    static final class Ring {
        private final long bucketMillis;
        private final int[] good;
        private final int[] bad;
        private long head = Long.MIN_VALUE;
        /** The earliest bucket that holds an event: totals before it are zero. */
        private long first = Long.MAX_VALUE;

        Ring(long bucketMillis, int size) {
            this.bucketMillis = bucketMillis;
            this.good = new int[size];
            this.bad = new int[size];
        }

        void add(long atMillis, boolean isBad) {
            long bucket = bucketOf(atMillis);
            if (head == Long.MIN_VALUE) {
                head = bucket;
                first = bucket;
            }
            if (bucket > head) {
                int carryGood = good[slot(head)];
                int carryBad = bad[slot(head)];
                for (long b = Math.max(head + 1, bucket - good.length + 1); b <= bucket; b++) {
                    good[slot(b)] = carryGood;
                    bad[slot(b)] = carryBad;
                }
                head = bucket;
            }
            if (bucket <= head - good.length) {
                return;
            }
            for (long b = bucket; b < first; b++) {
                good[slot(b)] = 0;
                bad[slot(b)] = 0;
            }
            first = Math.min(first, bucket);
            // A late event raises its own bucket's total and every later one.
            for (long b = bucket; b <= head; b++) {
                if (isBad) {
                    bad[slot(b)]++;
                } else {
                    good[slot(b)]++;
                }
            }
        }

        Counts between(long fromExclusive, long toInclusive) {
            if (head == Long.MIN_VALUE) {
                return Counts.ZERO;
            }
            long to = bucketOf(toInclusive);
            long from = bucketOf(fromExclusive);
            int[] end = totalAt(to);
            int[] start = totalAt(from);
            return new Counts(end[0] - start[0], end[1] - start[1]);
        }

        private int[] totalAt(long bucket) {
            long oldest = head - good.length + 1;
            if (bucket >= head) {
                return new int[] {good[slot(head)], bad[slot(head)]};
            }
            if (bucket < first) {
                return new int[] {0, 0};
            }
            if (bucket < oldest) {
                // Older than the ring remembers: count from the oldest bucket kept.
                return new int[] {good[slot(oldest)], bad[slot(oldest)]};
            }
            return new int[] {good[slot(bucket)], bad[slot(bucket)]};
        }

        /** Bucket k holds (k × size, (k + 1) × size], matching windows that are open at the start and closed at the end. */
        private long bucketOf(long millis) {
            return Math.floorDiv(millis - 1, bucketMillis);
        }

        private int slot(long bucket) {
            return (int) Math.floorMod(bucket, (long) good.length);
        }
    }
}
