package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Schedule;
import org.probefleet.journeys.model.Slo;

/**
 * What evaluating an SLO needs: its policy, the regions it is expected in, each region's
 * series, how long a region may stay silent before it is {@code no_data}, and since when the
 * engine has been watching (a region never seen is only missing once that long has passed).
 */
public record SloInput(Slo slo, Policy policy, List<String> regions, Function<String, SeriesCounts> series,
                       Duration noDataAfter, Instant watchingSince) {

    /** A region is missing after this many schedule intervals without an outcome. */
    static final int MISSED_INTERVALS = 3;
    /** A cron journey has no fixed interval; its regions are missing after this much silence. */
    static final Duration CRON_NO_DATA = Duration.ofHours(3);

    public SloInput {
        regions = regions.stream().sorted().distinct().toList();
    }

    /** How long a region of this journey may stay silent before it is {@code no_data}. */
    public static Duration noDataAfter(Journey journey) {
        return journey.schedule() instanceof Schedule.Every every ? every.interval().multipliedBy(MISSED_INTERVALS) : CRON_NO_DATA;
    }
}
