package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.Optional;

/** Journey runs as events: a run is good when it succeeded within the latency threshold, if any. */
public record JourneyIndicator(String journey, Optional<Duration> latencyThreshold) implements Indicator {

    @Override
    public String type() {
        return JOURNEY;
    }

    @Override
    public Optional<String> measuredJourney() {
        return Optional.of(journey);
    }
}
