package org.probefleet.coordinator.slo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The memory of one SLO between evaluations: which alerts fire, the policy state and whether
 * the notification threshold was crossed. Turns successive snapshots into events.
 */
public final class AlertTracker {

    private final Set<Alert> firing = new HashSet<>();
    /**
     * The name of a state of the SLO's policy. No enum: each policy defines its own states, and a
     * saved name may outlive the policy it came from (a changed policy then reads as a state change).
     */
    private String state;
    private boolean aboveThreshold;

    /** Starts from nothing firing, the policy's first state, below the threshold. */
    public AlertTracker(String initialState) {
        this.state = initialState;
    }

    /** What a tracker remembers, saved with the coordinator's state. */
    public record Memory(Set<Alert> firing, String state, boolean aboveThreshold) {
        public Memory {
            firing = Set.copyOf(firing);
        }
    }

    /** Restores what was firing and the last state, so a restart causes no storm of re-triggers. */
    public AlertTracker(Memory memory) {
        this.firing.addAll(memory.firing());
        this.state = memory.state();
        this.aboveThreshold = memory.aboveThreshold();
    }

    public Memory memory() {
        return new Memory(firing, state, aboveThreshold);
    }

    public List<EngineEvent> update(SloSnapshot snapshot) {
        List<EngineEvent> events = new ArrayList<>();
        String slo = snapshot.slo().name();
        String newState = snapshot.global().state().name();
        if (!newState.equals(state)) {
            events.add(new EngineEvent.StateChange(snapshot.at(), slo, state, newState, snapshot.global().consumed()));
            state = newState;
        }
        if (snapshot.slo().notificationThreshold().isPresent()) {
            double threshold = snapshot.slo().notificationThreshold().getAsDouble();
            boolean above = snapshot.global().consumed() >= threshold;
            if (above && !aboveThreshold) {
                events.add(new EngineEvent.ThresholdCrossed(snapshot.at(), slo, threshold, snapshot.global().consumed()));
            }
            aboveThreshold = above;
        }
        Comparator<Alert> order = Comparator.comparing(Alert::key);
        firing.stream().filter(alert -> !snapshot.firing().contains(alert)).sorted(order)
                .forEach(alert -> events.add(new EngineEvent.AlertResolved(snapshot.at(), slo, alert, snapshot)));
        snapshot.firing().stream().filter(alert -> !firing.contains(alert)).sorted(order)
                .forEach(alert -> events.add(new EngineEvent.AlertFiring(snapshot.at(), slo, alert, snapshot)));
        firing.clear();
        firing.addAll(snapshot.firing());
        return events;
    }

    public Set<Alert> firing() {
        return Set.copyOf(firing);
    }

    public String state() {
        return state;
    }

    public boolean aboveThreshold() {
        return aboveThreshold;
    }
}
