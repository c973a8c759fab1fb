package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.model.PolicyState;

/**
 * An SLO evaluated over one scope ({@code global}, or one region's own events) at one instant.
 * {@code sli} is NaN with no events in the SLO window; {@code consumed} may exceed 1 and is
 * measured against {@link #budgetEvents()}. {@code windows} holds the counts of each burn window,
 * in {@link Window#BURN_WINDOWS} order; burn rates are read from them. A page or ticket
 * condition is the burn rates alone; it is confirmed when a rule that holds also has
 * {@link AlertWindows#MIN_BAD_EVENTS} bad events in its short window.
 */
public record ScopeResult(String scope, Counts sloWindow, long plannedEvents, double sli, double consumed, double remaining,
                          double errorBudget, List<Counts> windows, Optional<Duration> timeToExhaustion, PolicyState state,
                          Impact impact, boolean pageCondition, boolean ticketCondition, boolean pageConfirmed,
                          boolean ticketConfirmed, boolean noData) {

    public static final String GLOBAL = "global";

    /** What consumed budget is measured against. */
    public enum BudgetBasis {
        /** The runs the schedule plans for the whole SLO window, while fewer have been observed (a fresh SLO). */
        PLANNED,
        /** The events observed in the SLO window. */
        OBSERVED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ScopeResult {
        windows = List.copyOf(windows);
        if (windows.size() != Window.BURN_WINDOWS.size()) {
            throw new IllegalArgumentException("one count per burn window, not " + windows.size());
        }
    }

    /** The same result in another policy state: the one the global state's hysteresis holds. */
    public ScopeResult withState(PolicyState held) {
        return new ScopeResult(scope, sloWindow, plannedEvents, sli, consumed, remaining, errorBudget, windows, timeToExhaustion, held,
                impact, pageCondition, ticketCondition, pageConfirmed, ticketConfirmed, noData);
    }

    public BudgetBasis budgetBasis() {
        return plannedEvents > sloWindow.total() ? BudgetBasis.PLANNED : BudgetBasis.OBSERVED;
    }

    /** The events the budget is a share of: the planned ones while fewer have been observed, else the observed ones. */
    public long budgetEvents() {
        return Math.max(plannedEvents, sloWindow.total());
    }

    /** The share of the budget one bad event spends (infinite with no events to measure against). */
    public double oneEventShare() {
        return 1 / (budgetEvents() * errorBudget);
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
