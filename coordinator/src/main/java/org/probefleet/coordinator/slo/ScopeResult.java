package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.model.PolicyState;

/**
 * An SLO evaluated over one scope ({@code global}, or one region's own events) at one instant.
 * {@code sli} is NaN with no events in the SLO window; {@code consumed} may exceed 1.
 * {@code windows} holds the counts of each burn window, in {@link Window#BURN_WINDOWS} order;
 * burn rates are read from them.
 */
public record ScopeResult(String scope, Counts sloWindow, double sli, double consumed, double remaining, double errorBudget,
                          List<Counts> windows, Optional<Duration> timeToExhaustion, PolicyState state, Impact impact,
                          boolean pageCondition, boolean ticketCondition, boolean noData) {

    public static final String GLOBAL = "global";

    public ScopeResult {
        windows = List.copyOf(windows);
        if (windows.size() != Window.BURN_WINDOWS.size()) {
            throw new IllegalArgumentException("one count per burn window, not " + windows.size());
        }
    }

    /** The burn rate over {@code window}: its error ratio ÷ (1 − target). */
    public double burn(Window window) {
        return counts(window).errorRatio() / errorBudget;
    }

    /** Events (good and bad) in {@code window}. */
    public long events(Window window) {
        return counts(window).total();
    }

    /** Every burn rate by window name, shortest window first. */
    public Map<String, Double> burn() {
        Map<String, Double> burn = new LinkedHashMap<>();
        Window.BURN_WINDOWS.forEach(window -> burn.put(window.name(), burn(window)));
        return burn;
    }

    /** Every window's event count by window name, shortest window first. */
    public Map<String, Long> events() {
        Map<String, Long> events = new LinkedHashMap<>();
        Window.BURN_WINDOWS.forEach(window -> events.put(window.name(), events(window)));
        return events;
    }

    private Counts counts(Window window) {
        return windows.get(Window.position(window));
    }
}
