package org.probefleet.prober.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.journeys.model.Schedule;

/**
 * Where in its interval a journey starts: a deterministic offset from its id within the spread,
 * so journeys sharing an interval do not start together; the {@code every} journeys an agent runs in
 * one lane on one grid are then placed evenly over their spread, and the regions of an {@code every}
 * journey are staggered evenly over its interval.
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
        return staggered(journey, region, offset(journey.id(), journey.schedule().spread()));
    }

    private static Duration staggered(Journey journey, String region, Duration base) {
        List<String> regions = journey.regions().stream().sorted().toList();
        int place = regions.indexOf(region);
        if (!(journey.schedule() instanceof Schedule.Every every) || place <= 0) {
            return base;
        }
        long interval = every.interval().toMillis();
        return Duration.ofMillis((base.toMillis() + interval * place / regions.size()) % interval);
    }

    /**
     * The offsets of {@code journeys} run together by one agent of {@code region}: the {@code every}
     * journeys that share a lane (browser or not), an interval and a spread start at even shares of
     * the spread, in the order of their own offsets and from the first one's, so no two of them are
     * due together (hash offsets bunch: sixty journeys on a minute meet within a second ten times
     * a minute, and those runs queue); then each is staggered by its region like {@link #offset(Journey, String)}.
     * Cron journeys keep their own offset.
     */
    public static Map<String, Duration> offsets(List<Journey> journeys, String region) {
        Map<String, Duration> offsets = new HashMap<>();
        Map<List<Object>, List<Journey>> grids = journeys.stream()
                .filter(journey -> journey.schedule() instanceof Schedule.Every)
                .collect(Collectors.groupingBy(journey -> List.of(journey.kind() == Kind.BROWSER,
                        ((Schedule.Every) journey.schedule()).interval(), journey.schedule().spread())));
        for (List<Journey> grid : grids.values()) {
            Duration spread = grid.get(0).schedule().spread();
            List<Journey> ordered = grid.stream()
                    .sorted(Comparator.comparing((Journey journey) -> offset(journey.id(), spread)).thenComparing(Journey::id)).toList();
            long first = offset(ordered.get(0).id(), spread).toMillis();
            for (int place = 0; place < ordered.size(); place++) {
                Journey journey = ordered.get(place);
                long even = spread.isZero() ? 0 : (first + spread.toMillis() * place / ordered.size()) % spread.toMillis();
                offsets.put(journey.id(), staggered(journey, region, Duration.ofMillis(even)));
            }
        }
        journeys.stream().filter(journey -> !offsets.containsKey(journey.id()))
                .forEach(journey -> offsets.put(journey.id(), offset(journey, region)));
        return offsets;
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
