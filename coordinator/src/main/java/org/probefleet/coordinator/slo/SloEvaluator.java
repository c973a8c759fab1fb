package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.model.Slo;

/**
 * The SLO math, pure: SLI, budget, burn rates, policy state and impact per scope, then which
 * alerts fire. Windows are {@code (t − w, t]}; the rules are {@link AlertWindows#forPeriod}'s.
 *
 * <p>Alerting: a global page needs a confirmed page condition on the global events and a page
 * condition on the own events of at least {@code alert_quorum} regions (capped at the number of
 * regions, so a one-region journey can page). A region with a confirmed condition raises a ticket
 * for that region, silenced while the global page fires; a global ticket needs a confirmed global
 * condition and the same quorum of burning regions. Confirmed means {@link AlertWindows#MIN_BAD_EVENTS}
 * bad events in the short window: one failed run raises nothing, while the regions of a quorum
 * need only burn, since several regions failing together are evidence already.
 */
public final class SloEvaluator {

    public SloSnapshot evaluate(SloInput input, Instant now) {
        Slo slo = input.slo();
        List<ScopeResult> regions = new ArrayList<>();
        WindowCounts all = WindowCounts.ZERO;
        for (String region : input.regions()) {
            SeriesCounts series = input.series().apply(region);
            WindowCounts counts = WindowCounts.of(series, slo.window(), now);
            all = all.plus(counts);
            regions.add(scope(region, input, counts, input.plannedPerRegion(), isMissing(series, input, now)));
        }
        // The global scope is all regions' events together: the sums of their counts, not another read.
        ScopeResult global = scope(ScopeResult.GLOBAL, input, all, input.plannedPerRegion() * input.regions().size(), false);
        return new SloSnapshot(slo, input.policy(), now, global, regions, decide(slo, global, regions));
    }

    private Set<Alert> decide(Slo slo, ScopeResult global, List<ScopeResult> regions) {
        int quorum = Math.max(1, Math.min(slo.alertQuorum(), regions.size()));
        long paging = regions.stream().filter(ScopeResult::pageCondition).count();
        long burning = regions.stream().filter(r -> r.pageCondition() || r.ticketCondition()).count();
        Set<Alert> firing = new HashSet<>();
        boolean globalPage = global.pageConfirmed() && paging >= quorum;
        if (globalPage) {
            firing.add(new Alert(Alert.Kind.BURN_RATE, Severity.PAGE, ScopeResult.GLOBAL));
        } else if ((global.pageConfirmed() || global.ticketConfirmed()) && burning >= quorum) {
            firing.add(new Alert(Alert.Kind.BURN_RATE, Severity.TICKET, ScopeResult.GLOBAL));
        }
        for (ScopeResult region : regions) {
            if (!globalPage && (region.pageConfirmed() || region.ticketConfirmed())) {
                firing.add(new Alert(Alert.Kind.BURN_RATE, Severity.TICKET, region.scope()));
            }
            if (region.noData()) {
                firing.add(new Alert(Alert.Kind.NO_DATA, Severity.TICKET, region.scope()));
            }
        }
        return firing;
    }

    /** A scope's counts in each burn window (in {@link Window#BURN_WINDOWS} order) and in the SLO window. */
    private record WindowCounts(Counts[] windows, Counts whole) {
        static final WindowCounts ZERO = new WindowCounts(zeros(), Counts.ZERO);

        static WindowCounts of(SeriesCounts series, Duration sloWindow, Instant now) {
            Counts[] windows = new Counts[Window.BURN_WINDOWS.size()];
            for (int i = 0; i < windows.length; i++) {
                windows[i] = series.count(now.minus(Window.BURN_WINDOWS.get(i).length()), now);
            }
            return new WindowCounts(windows, series.count(now.minus(sloWindow), now));
        }

        WindowCounts plus(WindowCounts other) {
            Counts[] sums = new Counts[windows.length];
            for (int i = 0; i < sums.length; i++) {
                sums[i] = windows[i].plus(other.windows[i]);
            }
            return new WindowCounts(sums, whole.plus(other.whole));
        }

        Counts in(Window window) {
            return windows[Window.position(window)];
        }

        private static Counts[] zeros() {
            Counts[] zeros = new Counts[Window.BURN_WINDOWS.size()];
            Arrays.fill(zeros, Counts.ZERO);
            return zeros;
        }
    }

    private ScopeResult scope(String name, SloInput input, WindowCounts counts, long planned, boolean noData) {
        Slo slo = input.slo();
        double budget = slo.errorBudget();
        Counts whole = counts.whole();
        // Against the planned runs while fewer were observed, so a fresh SLO's handful of events is not the whole window.
        long basis = Math.max(planned, whole.total());
        double badShare = basis == 0 ? 0 : (double) whole.bad() / basis;
        double consumed = badShare / budget;
        double remaining = 1 - consumed;
        Optional<Duration> exhaustion = timeToExhaustion(remaining, slo.window(), counts.in(Window.H1).errorRatio() / budget);
        Impact impact = slo.businessImpact()
                .map(business -> Impact.of(business, consumed, badShare, slo.window().toHours()))
                .orElse(Impact.NONE);
        List<AlertRule> rules = AlertWindows.forPeriod(slo.window());
        return new ScopeResult(name, whole, planned, whole.sli(), consumed, remaining, budget, Arrays.asList(counts.windows()),
                exhaustion, input.policy().stateFor(consumed), impact,
                holds(rules, Severity.PAGE, slo, counts, 1), holds(rules, Severity.TICKET, slo, counts, 1),
                holds(rules, Severity.PAGE, slo, counts, AlertWindows.MIN_BAD_EVENTS),
                holds(rules, Severity.TICKET, slo, counts, AlertWindows.MIN_BAD_EVENTS), noData);
    }

    /** remaining × W ÷ b(1h): zero once exhausted, empty while nothing burns. */
    public static Optional<Duration> timeToExhaustion(double remaining, Duration window, double burn1h) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        return burn1h > 0 ? Optional.of(Duration.ofMillis(Math.round(remaining * window.toMillis() / burn1h))) : Optional.empty();
    }

    /** Whether a rule of {@code severity} holds with at least {@code minBad} bad events in its short window. */
    private static boolean holds(List<AlertRule> rules, Severity severity, Slo slo, WindowCounts counts, int minBad) {
        for (AlertRule rule : rules) {
            if (rule.severity() != severity) {
                continue;
            }
            Counts longCounts = counts.in(rule.longWindow());
            Counts shortCounts = counts.in(rule.shortWindow());
            if (longCounts.total() >= slo.minEvents() && shortCounts.total() >= slo.minEvents() && shortCounts.bad() >= minBad
                    && longCounts.errorRatio() / slo.errorBudget() > rule.threshold()
                    && shortCounts.errorRatio() / slo.errorBudget() > rule.threshold()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMissing(SeriesCounts series, SloInput input, Instant now) {
        Instant lastSeen = series.lastSeenAtOrBefore(now).orElse(input.watchingSince());
        return !lastSeen.plus(input.noDataAfter()).isAfter(now);
    }
}
