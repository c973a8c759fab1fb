package org.probefleet.coordinator.counting;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.probefleet.wire.outcome.Outcome;

/** An engine that adds up every count it is fed, per SLO, region and minute, rendered one line each. */
final class CountsSeen implements CountFeed {

    final Map<String, MinuteCounts> sums = new TreeMap<>();
    int outcomesStored;
    boolean caughtUp;

    @Override
    public void minute(MinuteCounts minute) {
        sums.merge(minute.slo() + " " + minute.region() + " " + minute.minute(), minute,
                (one, other) -> MinuteCounts.of(one.toTally().plus(other.toTally())));
    }

    @Override
    public void caughtUp() {
        caughtUp = true;
    }

    @Override
    public void stored(Outcome outcome, List<MinuteCounts> counted) {
        outcomesStored++;
        counted.forEach(this::minute);
    }

    String text() {
        return String.join("\n", sums.values().stream().map(m -> m.slo() + " " + m.region() + " last " + m.lastStartedAt()
                + " good " + m.good() + " failed " + m.failed() + " slow " + m.slow() + " prober_error " + m.proberErrors()).toList());
    }
}
