package org.probefleet.coordinator.release;

import java.time.Instant;
import org.probefleet.coordinator.slo.Counts;

/** An SLO's good and bad events over {@code (from, to]}, every region together, at minute precision: what a release is judged on. */
@FunctionalInterface
public interface CountsBetween {

    Counts between(Instant fromExclusive, Instant toInclusive);
}
