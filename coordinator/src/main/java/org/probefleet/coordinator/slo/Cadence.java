package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Slo;

/**
 * Where and how often an SLO's events arrive, as evaluating it needs to know: the regions it is
 * expected in (a journey's list, or every fleet region when it has none; a Prometheus ratio only
 * in the regions its query reported, or the one region {@link #UNLABELLED} before any), how long a
 * region may stay silent before it is {@code no_data}, and the planned interval of its events.
 */
public record Cadence(List<String> regions, boolean everyFleetRegion, Duration noDataAfter, Optional<Duration> runInterval) {

    /** The region of a Prometheus ratio whose query result has no region label. */
    public static final String UNLABELLED = "all";
    /** How often a Prometheus ratio is read: once a minute, into that minute's counts. */
    public static final Duration POLL_INTERVAL = Duration.ofMinutes(1);
    /** A ratio is no_data after as many missed polls as a journey's missed runs. */
    public static final Cadence RATIO = new Cadence(List.of(), false, POLL_INTERVAL.multipliedBy(SloInput.MISSED_INTERVALS),
            Optional.empty());

    /**
     * Real users come when they come: a site quiet for an hour is no_data, not a quiet night paging
     * every few minutes.
     */
    public static final Cadence RUM = new Cadence(List.of(), false, Duration.ofHours(1), Optional.empty());

    public Cadence {
        regions = List.copyOf(regions);
    }

    public static Cadence of(Journey journey) {
        return new Cadence(journey.regions(), journey.regions().isEmpty(), SloInput.noDataAfter(journey), SloInput.runInterval(journey));
    }

    /** The cadence of an SLO's indicator; validation guarantees a journey indicator's journey exists. */
    public static Cadence of(Slo slo, Definitions definitions) {
        if (slo.indicator() instanceof org.probefleet.journeys.model.RumIndicator) {
            return RUM;
        }
        return slo.indicator().measuredJourney().map(id -> of(definitions.journey(id).orElseThrow())).orElse(RATIO);
    }

    /** The regions to evaluate, given the fleet's regions and those with events so far. */
    public List<String> expected(Collection<String> fleetRegions, Collection<String> seen) {
        TreeSet<String> expected = new TreeSet<>(regions);
        if (everyFleetRegion) {
            expected.addAll(fleetRegions);
        }
        if (regions.isEmpty()) {
            expected.addAll(seen);
        }
        if (expected.isEmpty() && !everyFleetRegion) {
            expected.add(UNLABELLED);
        }
        return List.copyOf(expected);
    }
}
