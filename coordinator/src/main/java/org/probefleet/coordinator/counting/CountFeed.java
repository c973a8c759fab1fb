package org.probefleet.coordinator.counting;

import java.util.List;
import org.probefleet.wire.outcome.Outcome;

/** Where the counts go: the engine's series. Called on one thread, in commit order. */
public interface CountFeed {

    /** A stored minute while the engine (re)starts, each series' oldest first. */
    void minute(MinuteCounts minute);

    /** Every stored minute was handed over; committed outcomes follow. */
    void caughtUp();

    /** An outcome that just committed, and how it counted for each SLO when it was written. */
    void stored(Outcome outcome, List<MinuteCounts> counted);
}
