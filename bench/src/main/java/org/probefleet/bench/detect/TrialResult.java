package org.probefleet.bench.detect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one trial raised: the time from its chaos to the first page Alertmanager showed (empty if
 * none), how many pages and alerts of any severity fired for its SLO, and their names.
 */
record TrialResult(Trial trial, Optional<Duration> page, int pages, int alerts, List<String> raised) {

    TrialResult {
        raised = List.copyOf(raised);
    }

    /** Whether the trial did what its kind requires. */
    boolean asRequired() {
        return switch (trial.kind()) {
            case FULL_OUTAGE -> page.isPresent();
            case ONE_REGION -> pages == 0;
            case BLIP -> alerts == 0;
        };
    }
}
