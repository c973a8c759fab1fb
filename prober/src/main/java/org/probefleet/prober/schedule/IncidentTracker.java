package org.probefleet.prober.schedule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Decides which runs keep their artifacts: the first failure of an incident and the first
 * recovery, not every failing run. A run that passed only on a retry keeps its failed attempts'.
 * Prober errors say nothing about the target and leave the incident as it was.
 */
public final class IncidentTracker {

    private final Map<String, OutcomeStatus> last = new ConcurrentHashMap<>();

    public boolean keepArtifacts(String journey, OutcomeStatus status, int attempts) {
        if (status == OutcomeStatus.PROBER_ERROR) {
            return false;
        }
        OutcomeStatus previous = last.put(journey, status);
        boolean firstFailure = status == OutcomeStatus.FAILURE && previous != OutcomeStatus.FAILURE;
        boolean firstRecovery = status == OutcomeStatus.SUCCESS && previous == OutcomeStatus.FAILURE;
        return firstFailure || firstRecovery || (status == OutcomeStatus.SUCCESS && attempts > 1);
    }
}
