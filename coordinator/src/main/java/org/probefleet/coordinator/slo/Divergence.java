package org.probefleet.coordinator.slo;

import java.util.Optional;

/**
 * Synthetic and real-user completion of one journey side by side, over the last hour, from the
 * global scope of a journey SLO and a rum SLO of the same journey. They diverge when one side's
 * completion is below the other's by more than that side's error budget (1 − target) while both
 * sides saw at least {@link #MIN_EVENTS} events in the hour: users failing while probes pass is
 * the silent failure probes cannot see; the reverse is a probe or its script that is wrong.
 */
public record Divergence(Counts synthetic, Counts realUsers, Optional<Kind> kind) {

    /** Fewer events than this in the hour on either side say too little to compare. */
    public static final long MIN_EVENTS = 20;
    public static final Window OVER = Window.H1;

    public enum Kind {
        /** Real users complete less than probes by more than the rum SLO's budget. */
        USERS_FAIL_PROBES_PASS,
        /** Probes complete less than real users by more than the journey SLO's budget. */
        PROBES_FAIL_USERS_PASS
    }

    public static Divergence of(SloSnapshot synthetic, SloSnapshot realUsers) {
        Counts probes = lastHour(synthetic.global());
        Counts users = lastHour(realUsers.global());
        Optional<Kind> kind = Optional.empty();
        if (probes.total() >= MIN_EVENTS && users.total() >= MIN_EVENTS) {
            double probeCompletion = probes.sli();
            double userCompletion = users.sli();
            if (userCompletion < probeCompletion - realUsers.slo().errorBudget()) {
                kind = Optional.of(Kind.USERS_FAIL_PROBES_PASS);
            } else if (probeCompletion < userCompletion - synthetic.slo().errorBudget()) {
                kind = Optional.of(Kind.PROBES_FAIL_USERS_PASS);
            }
        }
        return new Divergence(probes, users, kind);
    }

    private static Counts lastHour(ScopeResult scope) {
        return scope.windows().get(Window.position(OVER));
    }
}
