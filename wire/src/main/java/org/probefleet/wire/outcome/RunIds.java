package org.probefleet.wire.outcome;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids as UUIDv7 (RFC 9562): the run's start in milliseconds, then random bits. Ids made
 * close in time sort close together, so the store's run-id index grows at its end instead of
 * rewriting pages all over it; any UUID is still accepted from other senders.
 */
public final class RunIds {

    private RunIds() {
    }

    public static UUID next(Instant startedAt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = startedAt.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
