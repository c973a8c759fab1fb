package org.probefleet.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.wire.outcome.Outcome;

/**
 * How stored outcomes count for the SLO engine. The store keeps per (SLO, region, minute) counts
 * of good, failed, slow and prober_error runs, written in the same transaction as the outcomes,
 * and feeds the engine on one thread in commit order: first every stored minute since a point
 * (after recounting the SLOs whose definition changed), then each batch as it commits. So the
 * engine neither misses nor double-counts an outcome that arrives while it (re)starts.
 */
public interface Counting {

    /** One outcome counted for one SLO. */
    record Counted(String slo, Classification classification) {
    }

    /** One stored minute of one SLO in one region; {@code lastStartedAt}: the latest run in it. */
    record Minute(String slo, String region, Instant lastStartedAt, long good, long failed, long slow, long proberErrors) {
    }

    /** What each SLO's counts depend on (its journey, latency threshold, mode, regions): when it changes, the SLO is recounted. */
    Map<String, String> fingerprints();

    /** How an outcome counts for each SLO over its journey and region (none for the others). */
    List<Counted> countsOf(Outcome outcome);

    /** A stored minute, each series' oldest first, while the engine (re)starts. */
    void minute(Minute minute);

    /** Every stored minute was handed over; committed batches follow. */
    void caughtUp();

    /** A new outcome that just committed, and how it counted ({@link #countsOf} when it was written). */
    void stored(Outcome outcome, List<Counted> counted);
}
