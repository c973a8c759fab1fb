package org.probefleet.journeys.model;

import java.util.Optional;

/**
 * Real users' journeys as events, reported by the coordinator's beacon script: a journey a page
 * completed is good, one started and left without completion is bad. {@code journey} is the name
 * the site passes to {@code probefleet.start(...)}; it need not be a probed journey.
 */
public record RumIndicator(String journey) implements Indicator {

    public RumIndicator {
        if (!Names.isId(journey)) {
            throw new IllegalArgumentException("rum journey '" + journey + "' must be lower-case letters, digits and dashes, like checkout");
        }
    }

    @Override
    public String type() {
        return RUM;
    }

    /** Beacons are not runs of a defined journey: nothing here is looked up among the journeys. */
    @Override
    public Optional<String> measuredJourney() {
        return Optional.empty();
    }

    @Override
    public String subject() {
        return journey + " (real users)";
    }
}
