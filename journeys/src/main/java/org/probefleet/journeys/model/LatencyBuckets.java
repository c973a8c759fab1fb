package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The journey duration histogram's buckets: the agents export exactly these, so an SLO's latency
 * threshold must be one of them, or Prometheus could never count the runs within it.
 */
public final class LatencyBuckets {

    private static final double[] SECONDS = {0.25, 0.5, 1, 2, 3, 5, 8, 10, 15, 20, 30, 60};

    private LatencyBuckets() {
    }

    /** The upper bounds in seconds, shortest first (a copy: callers may hand it to a histogram builder). */
    public static double[] seconds() {
        return SECONDS.clone();
    }

    /** Whether {@code threshold} is exactly a bucket's upper bound. */
    public static boolean contains(Duration threshold) {
        return Arrays.stream(SECONDS).anyMatch(bound -> toDuration(bound).equals(threshold));
    }

    /** Why {@code threshold} cannot be an SLO's latency threshold, with the buckets on either side; empty when it is a bucket. */
    public static Optional<String> problem(Duration threshold) {
        if (contains(threshold)) {
            return Optional.empty();
        }
        Optional<Duration> below = Arrays.stream(SECONDS).mapToObj(LatencyBuckets::toDuration)
                .filter(bound -> bound.compareTo(threshold) < 0).reduce((first, second) -> second);
        Optional<Duration> above = Arrays.stream(SECONDS).mapToObj(LatencyBuckets::toDuration)
                .filter(bound -> bound.compareTo(threshold) > 0).findFirst();
        String nearest = below.isPresent() && above.isPresent()
                ? Durations.format(below.get()) + " or " + Durations.format(above.get())
                : Durations.format(below.or(() -> above).orElseThrow());
        return Optional.of("latency_threshold " + Durations.format(threshold) + " is not a bucket the agents export: use "
                + nearest + " (buckets: " + list() + ")");
    }

    /** The buckets as definitions write them: 250ms, 500ms, 1s, … 1m. */
    public static String list() {
        return Arrays.stream(SECONDS).mapToObj(bound -> Durations.format(toDuration(bound))).collect(Collectors.joining(", "));
    }

    private static Duration toDuration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
