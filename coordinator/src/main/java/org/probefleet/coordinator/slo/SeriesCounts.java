package org.probefleet.coordinator.slo;

import java.time.Instant;
import java.util.Optional;

/** The good/bad events of one journey in one region, counted over any window {@code (from, to]}. */
public interface SeriesCounts {

    Counts count(Instant fromExclusive, Instant toInclusive);

    /** When the series last saw an outcome (prober errors included) at or before {@code at}. */
    Optional<Instant> lastSeenAtOrBefore(Instant at);

    SeriesCounts EMPTY = new SeriesCounts() {
        @Override
        public Counts count(Instant fromExclusive, Instant toInclusive) {
            return Counts.ZERO;
        }

        @Override
        public Optional<Instant> lastSeenAtOrBefore(Instant at) {
            return Optional.empty();
        }
    };
}
