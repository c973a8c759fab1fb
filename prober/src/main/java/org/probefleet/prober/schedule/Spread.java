package org.probefleet.prober.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.CRC32;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Schedule;

/**
 * Where in its interval a journey starts: a deterministic offset from its id within the spread,
 * so journeys sharing an interval do not start together, and every agent of a region picks the
 * same offset; the regions of an {@code every} journey are then staggered evenly over its interval.
 */
public final class Spread {

    private Spread() {
    }

    /**
     * The offset of {@code region}'s runs of {@code journey}: its spread offset, plus, for an {@code every}
     * journey that lists its regions, the region's even share of the interval by its place among them
     * (0, ⅓, ⅔ of a minute for three regions), so its regions probe at different moments and an outage
     * is seen within interval ÷ regions, then confirmed by the others at once.
     */
    public static Duration offset(Journey journey, String region) {
        Duration base = offset(journey.id(), journey.schedule().spread());
        List<String> regions = journey.regions().stream().sorted().toList();
        int place = regions.indexOf(region);
        if (!(journey.schedule() instanceof Schedule.Every every) || place <= 0) {
            return base;
        }
        long interval = every.interval().toMillis();
        return Duration.ofMillis((base.toMillis() + interval * place / regions.size()) % interval);
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
