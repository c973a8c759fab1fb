package org.probefleet.prober.schedule;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.probefleet.prober.run.Evidence;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Decides what each journey's runs record and which runs keep their artifacts: the first failure
 * of an incident, the incident's first trace and the first recovery, not every failing run. A run
 * that passed only on a retry keeps its failed attempts'. Healthy runs record no trace; the run
 * after an incident's untraced first failure does. Prober errors say nothing about the target
 * and leave the incident as it was.
 */
public final class IncidentTracker {

    /** A journey's last reported status, and whether its current incident has a trace kept. */
    private record State(OutcomeStatus last, boolean traced) {
    }

    private static final State HEALTHY = new State(OutcomeStatus.SUCCESS, false);

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** What the next run of {@code journey} records: a trace while its incident has none, else only a failure's screenshot. */
    public Evidence evidenceFor(String journey) {
        State state = states.getOrDefault(journey, HEALTHY);
        return state.last() == OutcomeStatus.FAILURE && !state.traced() ? Evidence.TRACE : Evidence.FAILURE_SCREENSHOT;
    }

    /** Whether the run that ended with {@code status} after {@code attempts} (one of them {@code traced}) keeps its artifacts. */
    public boolean keepArtifacts(String journey, OutcomeStatus status, int attempts, boolean traced) {
        if (status == OutcomeStatus.PROBER_ERROR) {
            return false;
        }
        State previous = states.getOrDefault(journey, HEALTHY);
        boolean failure = status == OutcomeStatus.FAILURE;
        boolean inIncident = previous.last() == OutcomeStatus.FAILURE;
        boolean firstFailure = failure && !inIncident;
        boolean firstTrace = failure && traced && !(inIncident && previous.traced());
        boolean firstRecovery = !failure && inIncident;
        states.put(journey, failure ? new State(status, firstTrace || (inIncident && previous.traced())) : HEALTHY);
        return firstFailure || firstTrace || firstRecovery || (!failure && attempts > 1);
    }
}
