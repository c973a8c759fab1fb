package org.probefleet.wire.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retrying over the network (agents to the coordinator, the coordinator to on-call): exponential
 * backoff, base × 2^(failures−1), capped, then spread ±20% so clients do not retry in step.
 */
public record Backoff(Duration base, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    static final double JITTER = 0.2;

    public Duration delay(int failures, RandomGenerator random) {
        long exponential = base.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        long capped = Math.min(exponential, max.toMillis());
        double spread = 1 + JITTER * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }
}
