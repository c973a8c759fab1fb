package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Schedule;
import org.probefleet.journeys.model.Slo;

/**
 * What evaluating an SLO needs: its policy, the regions it is expected in, each region's
 * series, how long a region may stay silent before it is {@code no_data}, since when the
 * engine has been watching (a region never seen is only missing once that long has passed), and
 * how often each region runs the journey when that is fixed (so a window's planned runs are known).
 */
public record SloInput(Slo slo, Policy policy, List<String> regions, Function<String, SeriesCounts> series,
                       Duration noDataAfter, Instant watchingSince, Optional<Duration> runInterval) {

    /** A region is missing after this many schedule intervals without an outcome. */
    static final int MISSED_INTERVALS = 3;
    /** A cron journey has no fixed interval; its regions are missing after this much silence. */
    static final Duration CRON_NO_DATA = Duration.ofHours(3);

    public SloInput {
        regions = regions.stream().sorted().distinct().toList();
    }

    /** Without a known run interval: budgets are measured against the observed events only. */
    public SloInput(Slo slo, Policy policy, List<String> regions, Function<String, SeriesCounts> series, Duration noDataAfter,
                    Instant watchingSince) {
        this(slo, policy, regions, series, noDataAfter, watchingSince, Optional.empty());
    }

    /** The runs one region makes in the SLO window by its schedule; 0 when unknown (a cron schedule). */
    public long plannedPerRegion() {
        return runInterval.map(interval -> slo.window().toMillis() / interval.toMillis()).orElse(0L);
    }

    /** A fixed-interval journey's interval: its planned runs per window are known; a cron journey's are not. */
    public static Optional<Duration> runInterval(Journey journey) {
        return journey.schedule() instanceof Schedule.Every every ? Optional.of(every.interval()) : Optional.empty();
    }

    /** How long a region of this journey may stay silent before it is {@code no_data}. */
    public static Duration noDataAfter(Journey journey) {
        return journey.schedule() instanceof Schedule.Every every ? every.interval().multipliedBy(MISSED_INTERVALS) : CRON_NO_DATA;
    }
}
