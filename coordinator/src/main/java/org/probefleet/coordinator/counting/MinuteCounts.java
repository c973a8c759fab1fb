package org.probefleet.coordinator.counting;

import java.time.Instant;
import java.util.List;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.wire.outcome.Outcome;

/**
 * How the runs of one minute counted for one SLO in one region: good, failed, slow and
 * prober_error runs, and the latest start among them (a shadow run counts nothing but shows the
 * journey ran). One outcome counted for one SLO is a minute with one run in it.
 */
public record MinuteCounts(String slo, String region, long minute, Instant lastStartedAt, long good, long failed, long slow,
                           long proberErrors) {

    private static final long MINUTE_MILLIS = 60_000;

    /** Minute k holds (k, k + 1] minutes since the epoch, like the engine's buckets: windows are closed at their end. */
    public static long minuteOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() - 1, MINUTE_MILLIS);
    }

    /** One outcome, classified for one SLO. */
    public static MinuteCounts of(String slo, Outcome outcome, Classification classification) {
        return new MinuteCounts(slo, outcome.region(), minuteOf(outcome.startedAt()), outcome.startedAt(),
                classification == Classification.GOOD ? 1 : 0, classification == Classification.BAD ? 1 : 0,
                classification == Classification.SLOW ? 1 : 0, classification == Classification.PROBER_ERROR ? 1 : 0);
    }

    /** Read back from the store: the amounts are good, failed, slow and prober_error, in that order. */
    public static MinuteCounts of(Tally tally) {
        List<Long> amounts = tally.amounts();
        return new MinuteCounts(tally.key(), tally.region(), tally.minute(), tally.latest(), amounts.get(0), amounts.get(1),
                amounts.get(2), amounts.get(3));
    }

    public Tally toTally() {
        return new Tally(slo, region, minute, List.of(good, failed, slow, proberErrors), lastStartedAt);
    }

    /** Failed and slow runs: what burns the budget. */
    public long bad() {
        return failed + slow;
    }
}
