package org.probefleet.coordinator.rum;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} tokens a second, holding at most one second's worth, so a
 * burst after a quiet spell is bounded too. Cheap enough to ask on the event loop for every request.
 */
public final class RateLimiter {

    private static final double NANOS = 1e9;

    private final double perSecond;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    public RateLimiter(int perSecond, LongSupplier nanoTime) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a rate limit is at least 1 a second, not " + perSecond);
        }
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
        this.tokens = perSecond;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token if one is left; false means refuse. */
    public synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(perSecond, tokens + (now - last) / NANOS * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
