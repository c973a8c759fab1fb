package org.probefleet.prober.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * Where in its interval a journey starts: a deterministic offset from its id within the spread,
 * so journeys sharing an interval do not start together, and every agent picks the same offset.
 */
public final class Spread {

    private Spread() {
    }

    public static Duration offset(String journeyId, Duration spread) {
        if (spread.isZero()) {
            return Duration.ZERO;
        }
        CRC32 crc = new CRC32();
        crc.update(journeyId.getBytes(StandardCharsets.UTF_8));
        return Duration.ofMillis(crc.getValue() % spread.toMillis());
    }

    /** The first start at or after {@code now} on the grid {@code k × interval + offset} (epoch-aligned). */
    public static Instant firstStart(Instant now, Duration interval, Duration offset) {
        long step = interval.toMillis();
        long base = Math.floorDiv(now.toEpochMilli() - offset.toMillis(), step) * step + offset.toMillis();
        return Instant.ofEpochMilli(base < now.toEpochMilli() ? base + step : base);
    }
}
