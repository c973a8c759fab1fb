package org.probefleet.coordinator.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The memory of one SLO between evaluations: which alerts fire and since when their condition
 * last held, the policy state and whether the notification threshold was crossed. Turns
 * successive snapshots into events, with hysteresis: a burn-rate alert keeps firing until its
 * condition has been false for {@link AlertWindows#KEEP_FIRING_FOR} (a global page meanwhile
 * silences burn-rate tickets), and the state and threshold go back only across a
 * {@link StateBand}, so one incident is one page and a budget at a line does not flap.
 */
public final class AlertTracker {

    private static final Alert GLOBAL_PAGE = new Alert(Alert.Kind.BURN_RATE, Severity.PAGE, ScopeResult.GLOBAL);

    private final Set<Alert> firing = new HashSet<>();
    /** When each firing burn-rate alert's condition last held. */
    private final Map<Alert, Instant> heldAt = new HashMap<>();
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

    /**
     * What a tracker remembers, saved with the coordinator's state. {@code heldAt} may be empty
     * (a state saved without it): a restored alert then holds for a full period from the restart.
     */
    public record Memory(Set<Alert> firing, String state, boolean aboveThreshold, Map<Alert, Instant> heldAt) {
        public Memory {
            firing = Set.copyOf(firing);
            heldAt = Map.copyOf(heldAt);
        }

        public Memory(Set<Alert> firing, String state, boolean aboveThreshold) {
            this(firing, state, aboveThreshold, Map.of());
        }
    }

    /** Restores what was firing and the last state, so a restart causes no storm of re-triggers. */
    public AlertTracker(Memory memory) {
        this.firing.addAll(memory.firing());
        this.heldAt.putAll(memory.heldAt());
        this.state = memory.state();
        this.aboveThreshold = memory.aboveThreshold();
    }

    public Memory memory() {
        return new Memory(firing, state, aboveThreshold, heldAt);
    }

    /** One evaluation through the tracker: the snapshot as settled by its memory, and what changed. */
    public record Step(SloSnapshot snapshot, List<EngineEvent> events) {
        public Step {
            events = List.copyOf(events);
        }
    }

    /** Settles a fresh snapshot against what the tracker remembers and returns it with the events it causes. */
    public Step update(SloSnapshot fresh) {
        ScopeResult global = fresh.global();
        SloSnapshot snapshot = fresh.settled(held(fresh), StateBand.settle(fresh.policy(), state, global.consumed(), global.oneEventShare()));
        List<EngineEvent> events = new ArrayList<>();
        String slo = snapshot.slo().name();
        String newState = snapshot.global().state().name();
        if (!newState.equals(state)) {
            events.add(new EngineEvent.StateChange(snapshot.at(), slo, state, newState, global.consumed()));
            state = newState;
        }
        if (snapshot.slo().notificationThreshold().isPresent()) {
            double threshold = snapshot.slo().notificationThreshold().getAsDouble();
            boolean above = global.consumed() >= threshold
                    || aboveThreshold && StateBand.stillAbove(global.consumed(), threshold, global.oneEventShare());
            if (above && !aboveThreshold) {
                events.add(new EngineEvent.ThresholdCrossed(snapshot.at(), slo, threshold, global.consumed()));
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
        return new Step(snapshot, events);
    }

    /** The fresh alerts, the burn-rate alerts still within their hold, and no burn-rate ticket while the global page fires. */
    private Set<Alert> held(SloSnapshot fresh) {
        Instant at = fresh.at();
        Set<Alert> held = new HashSet<>(fresh.firing());
        held.forEach(alert -> heldAt.put(alert, at));
        for (Alert alert : firing) {
            boolean expired = !heldAt.computeIfAbsent(alert, restored -> at).plus(AlertWindows.KEEP_FIRING_FOR).isAfter(at);
            if (alert.kind() == Alert.Kind.BURN_RATE && !expired) {
                held.add(alert);
            }
        }
        if (held.contains(GLOBAL_PAGE)) {
            held.removeIf(alert -> alert.kind() == Alert.Kind.BURN_RATE && alert.severity() == Severity.TICKET);
        }
        heldAt.keySet().retainAll(held);
        return held;
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
