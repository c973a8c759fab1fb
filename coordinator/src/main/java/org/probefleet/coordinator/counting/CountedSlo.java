package org.probefleet.coordinator.counting;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Mode;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * What an SLO's counts depend on: its journey, that journey's mode and regions (none = every
 * region) and the latency threshold. When any of it changes, the SLO is recounted. An SLO whose
 * events are not journey runs (a Prometheus ratio, real users' beacons) has no journey: no outcome counts for it, and
 * its counts, written by its poller, are dropped when its queries change.
 */
public record CountedSlo(String name, Optional<String> journey, Mode mode, Optional<Duration> latencyThreshold, List<String> regions,
                         String source) {

    public CountedSlo {
        regions = List.copyOf(regions);
    }

    public CountedSlo(String name, String journey, Mode mode, Optional<Duration> latencyThreshold, List<String> regions) {
        this(name, Optional.of(journey), mode, latencyThreshold, regions, "");
    }

    public static CountedSlo of(Slo slo, Journey journey) {
        return new CountedSlo(slo.name(), journey.id(), journey.mode(), slo.indicator().latencyThreshold(), journey.regions());
    }

    /** Validation guarantees a journey indicator's journey exists. */
    public static CountedSlo of(Slo slo, Definitions definitions) {
        if (slo.indicator() instanceof RatioIndicator ratio) {
            return new CountedSlo(slo.name(), Optional.empty(), Mode.LIVE, Optional.empty(), List.of(),
                    "ratio|" + ratio.numerator() + "|" + ratio.denominator());
        }
        if (slo.indicator() instanceof RumIndicator rum) {
            return new CountedSlo(slo.name(), Optional.empty(), Mode.LIVE, Optional.empty(), List.of(), "rum|" + rum.journey());
        }
        return of(slo, definitions.journey(slo.indicator().measuredJourney().orElseThrow()).orElseThrow());
    }

    /** Changes exactly when the counts would: the tag the store keeps with this SLO's counts. */
    public String fingerprint() {
        if (journey.isEmpty()) {
            return source;
        }
        return String.join("|", journey.get(), mode.name(), latencyThreshold.map(limit -> limit.toMillis() + "ms")
                .orElse("no latency threshold"), String.join(",", regions));
    }

    /** How the outcome counts for this SLO; empty when it is of another journey or a region the journey does not run in. */
    public Optional<Classification> classify(Outcome outcome) {
        boolean runsThere = regions.isEmpty() || regions.contains(outcome.region());
        if (!journey.filter(outcome.journey()::equals).isPresent() || !runsThere) {
            return Optional.empty();
        }
        return Optional.of(Classification.of(outcome.status(), outcome.durationMs(), latencyThreshold, mode));
    }
}
