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
        if (classification.counts()) {
            boolean bad = classification.countsAsBad();
            add(at, bad ? 0 : 1, bad ? 1 : 0);
        } else {
            add(at, 0, 0);
        }
    }

    /** Adds the counts of many runs in the bucket of {@code at}, the latest of them. */
    public synchronized void add(Instant at, long good, long bad) {
        lastSeenMillis = Math.max(lastSeenMillis, at.toEpochMilli());
        if (good + bad > 0) {
            minutes.add(at.toEpochMilli(), (int) good, (int) bad);
            hours.add(at.toEpochMilli(), (int) good, (int) bad);
        }
    }

    @Override
    public synchronized Counts count(Instant fromExclusive, Instant toInclusive) {
        long from = fromExclusive.toEpochMilli();
        long to = toInclusive.toEpochMilli();
        return ringFor(from, to).between(from, to);
    }

    /**
     * The same window as {@link #count}, added up bucket by bucket instead of from the running
     * totals: what a series without them would do, the baseline of {@code fleet bench slo}.
     */
    public synchronized Counts scan(Instant fromExclusive, Instant toInclusive) {
        long from = fromExclusive.toEpochMilli();
        long to = toInclusive.toEpochMilli();
        return ringFor(from, to).scan(from, to);
    }

    private Ring ringFor(long fromMillis, long toMillis) {
        return toMillis - fromMillis <= FINE_SPAN.toMillis() ? minutes : hours;
    }

    @Override
    public synchronized Optional<Instant> lastSeenAtOrBefore(Instant at) {
        return lastSeenMillis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Math.min(lastSeenMillis, at.toEpochMilli())));
    }

    /**
     * Running totals of good and bad per bucket, in a ring that forgets the oldest buckets. A
     * bucket's good and bad totals sit side by side, so a lookup touches one cache line.
     */
    static final class Ring {
        private final long bucketMillis;
        private final int size;
        /** {@code totals[2 × slot]} is good, {@code totals[2 × slot + 1]} is bad. */
        private final int[] totals;
        private long head = Long.MIN_VALUE;
        /** The earliest bucket that holds an event: totals before it are zero. */
        private long first = Long.MAX_VALUE;

        Ring(long bucketMillis, int size) {
            this.bucketMillis = bucketMillis;
            this.size = size;
            this.totals = new int[2 * size];
        }

        void add(long atMillis, int good, int bad) {
            long bucket = bucketOf(atMillis);
            if (head == Long.MIN_VALUE) {
                head = bucket;
                first = bucket;
            }
            if (bucket > head) {
                int carryGood = totals[2 * slot(head)];
                int carryBad = totals[2 * slot(head) + 1];
                for (long b = Math.max(head + 1, bucket - size + 1); b <= bucket; b++) {
                    totals[2 * slot(b)] = carryGood;
                    totals[2 * slot(b) + 1] = carryBad;
                }
                head = bucket;
            }
            if (bucket <= head - size) {
                return;
            }
            for (long b = bucket; b < first; b++) {
                totals[2 * slot(b)] = 0;
                totals[2 * slot(b) + 1] = 0;
            }
            first = Math.min(first, bucket);
            // A late event raises its own bucket's total and every later one.
            for (long b = bucket; b <= head; b++) {
                totals[2 * slot(b)] += good;
                totals[2 * slot(b) + 1] += bad;
            }
        }

        Counts between(long fromExclusive, long toInclusive) {
            if (head == Long.MIN_VALUE) {
                return Counts.ZERO;
            }
            long end = totalAt(bucketOf(toInclusive));
            long start = totalAt(bucketOf(fromExclusive));
            return new Counts(goodOf(end) - goodOf(start), badOf(end) - badOf(start));
        }

        Counts scan(long fromExclusive, long toInclusive) {
            if (head == Long.MIN_VALUE) {
                return Counts.ZERO;
            }
            long goodSum = 0;
            long badSum = 0;
            for (long bucket = bucketOf(fromExclusive) + 1; bucket <= bucketOf(toInclusive); bucket++) {
                long total = totalAt(bucket);
                long before = totalAt(bucket - 1);
                goodSum += goodOf(total) - goodOf(before);
                badSum += badOf(total) - badOf(before);
            }
            return new Counts(goodSum, badSum);
        }

        /** The running totals at {@code bucket}, packed as good (high 32 bits) and bad (low 32 bits): no allocation per lookup. */
        private long totalAt(long bucket) {
            long oldest = head - size + 1;
            if (bucket < first) {
                return 0;
            }
            // At or after the head the totals stay; older than the ring remembers, count from the oldest bucket kept.
            int slot = slot(bucket >= head ? head : Math.max(bucket, oldest));
            return ((long) totals[2 * slot] << 32) | (totals[2 * slot + 1] & 0xFFFFFFFFL);
        }

        private static long goodOf(long packed) {
            return packed >>> 32;
        }

        private static long badOf(long packed) {
            return packed & 0xFFFFFFFFL;
        }

        /** Bucket k holds (k × size, (k + 1) × size], matching windows that are open at the start and closed at the end. */
        private long bucketOf(long millis) {
            return Math.floorDiv(millis - 1, bucketMillis);
        }

        private int slot(long bucket) {
            return (int) Math.floorMod(bucket, (long) size);
        }
    }
}
