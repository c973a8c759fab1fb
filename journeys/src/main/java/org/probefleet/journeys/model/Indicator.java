package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.Optional;

/** An SLI over a journey's outcomes: a run is good when it succeeded within the latency threshold, if any. */
public record Indicator(String journey, Optional<Duration> latencyThreshold) {
}
