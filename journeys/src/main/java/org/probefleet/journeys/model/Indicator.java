package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.Optional;

/**
 * What an SLO counts as good and bad events, by {@code type}: a journey's runs ({@code journey},
 * the default), two Prometheus series ({@code ratio}) or real users' beacons ({@code rum}).
 */
public sealed interface Indicator permits JourneyIndicator, RatioIndicator, RumIndicator {

    String JOURNEY = "journey";
    String RATIO = "ratio";
    String RUM = "rum";

    /** The {@code type} as written in a file. */
    String type();

    /** The journey whose runs are the events, when the events are journey runs. */
    Optional<String> measuredJourney();

    /** Runs slower than this count as bad; only journey runs have a duration. */
    default Optional<Duration> latencyThreshold() {
        return Optional.empty();
    }

    /** What the SLO measures, in a few words for lists and notifications: the journey, or "ratio". */
    default String subject() {
        return measuredJourney().orElse(type());
    }
}
