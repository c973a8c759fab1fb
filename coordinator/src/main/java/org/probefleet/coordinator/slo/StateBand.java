package org.probefleet.coordinator.slo;

import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.PolicyState;

/**
 * Hysteresis for budget lines (policy states, the notification threshold): the budget enters a
 * worse state as soon as it reaches its line, and goes back only once it is clearly below: by
 * {@link #MIN_BAND} or by one bad event's share of the budget, whichever is larger (capped at the
 * line, so a budget with nothing consumed is always back in the first state). A budget hovering
 * at a line, or moving by one event, no longer flips the release gate back and forth.
 */
public final class StateBand {

    /** Two percentage points of the budget. */
    public static final double MIN_BAND = 0.02;

    private StateBand() {
    }

    /** The band below {@code line}: how far the budget must fall under it to count as back. */
    public static double band(double line, double oneEventShare) {
        return Math.min(line, Math.max(MIN_BAND, oneEventShare));
    }

    /** The state for {@code consumed} coming from the state named {@code current} (an unknown name takes the plain state). */
    public static PolicyState settle(Policy policy, String current, double consumed, double oneEventShare) {
        PolicyState plain = policy.stateFor(consumed);
        int from = indexOf(policy, current);
        int to = policy.states().indexOf(plain);
        if (from < 0 || to >= from) {
            return plain;
        }
        int settled = from;
        while (settled > to && clearlyBelow(consumed, policy.states().get(settled).from(), oneEventShare)) {
            settled--;
        }
        return policy.states().get(settled);
    }

    /** Whether a budget that was at or above {@code line} is still there: not yet clearly below it. */
    public static boolean stillAbove(double consumed, double line, double oneEventShare) {
        return !clearlyBelow(consumed, line, oneEventShare);
    }

    private static boolean clearlyBelow(double consumed, double line, double oneEventShare) {
        return consumed <= line - band(line, oneEventShare);
    }

    private static int indexOf(Policy policy, String name) {
        for (int i = 0; i < policy.states().size(); i++) {
            if (policy.states().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
