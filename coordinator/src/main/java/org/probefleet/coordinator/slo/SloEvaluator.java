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
 * alerts fire. Windows are {@code (t − w, t]}.
 *
 * <p>Alerting: a global page needs a page condition on the global events and on the own events
 * of at least {@code alert_quorum} regions (capped at the number of regions, so a one-region
 * journey can page). A region meeting any condition raises a ticket for that region, silenced
 * while the global page fires; a global ticket needs the same quorum of burning regions.
 */
public final class SloEvaluator {

    private final List<AlertRule> rules;

    public SloEvaluator(List<AlertRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public SloEvaluator() {
        this(AlertRule.DEFAULT);
    }

    public SloSnapshot evaluate(SloInput input, Instant now) {
        Slo slo = input.slo();
        List<ScopeResult> regions = new ArrayList<>();
        WindowCounts all = WindowCounts.ZERO;
        for (String region : input.regions()) {
            SeriesCounts series = input.series().apply(region);
            WindowCounts counts = WindowCounts.of(series, slo.window(), now);
            all = all.plus(counts);
            regions.add(scope(region, input, counts, isMissing(series, input, now)));
        }
        // The global scope is all regions' events together: the sums of their counts, not another read.
        ScopeResult global = scope(ScopeResult.GLOBAL, input, all, false);
        return new SloSnapshot(slo, now, global, regions, decide(slo, global, regions));
    }

    private Set<Alert> decide(Slo slo, ScopeResult global, List<ScopeResult> regions) {
        int quorum = Math.max(1, Math.min(slo.alertQuorum(), regions.size()));
        long paging = regions.stream().filter(ScopeResult::pageCondition).count();
        long burning = regions.stream().filter(r -> r.pageCondition() || r.ticketCondition()).count();
        Set<Alert> firing = new HashSet<>();
        boolean globalPage = global.pageCondition() && paging >= quorum;
        if (globalPage) {
            firing.add(new Alert(Alert.Kind.BURN_RATE, Severity.PAGE, ScopeResult.GLOBAL));
        } else if ((global.pageCondition() || global.ticketCondition()) && burning >= quorum) {
            firing.add(new Alert(Alert.Kind.BURN_RATE, Severity.TICKET, ScopeResult.GLOBAL));
        }
        for (ScopeResult region : regions) {
            if (!globalPage && (region.pageCondition() || region.ticketCondition())) {
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

    private ScopeResult scope(String name, SloInput input, WindowCounts counts, boolean noData) {
        Slo slo = input.slo();
        double budget = slo.errorBudget();
        Counts whole = counts.whole();
        double consumed = whole.errorRatio() / budget;
        double remaining = 1 - consumed;
        Optional<Duration> exhaustion = timeToExhaustion(remaining, slo.window(), counts.in(Window.H1).errorRatio() / budget);
        Impact impact = slo.businessImpact()
                .map(business -> Impact.of(business, consumed, whole.errorRatio(), slo.window().toHours()))
                .orElse(Impact.NONE);
        return new ScopeResult(name, whole, whole.sli(), consumed, remaining, budget, Arrays.asList(counts.windows()), exhaustion,
                input.policy().stateFor(consumed), impact, holds(Severity.PAGE, slo, counts),
                holds(Severity.TICKET, slo, counts), noData);
    }

    /** remaining × W ÷ b(1h): zero once exhausted, empty while nothing burns. */
    public static Optional<Duration> timeToExhaustion(double remaining, Duration window, double burn1h) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        return burn1h > 0 ? Optional.of(Duration.ofMillis(Math.round(remaining * window.toMillis() / burn1h))) : Optional.empty();
    }

    private boolean holds(Severity severity, Slo slo, WindowCounts counts) {
        for (AlertRule rule : rules) {
            if (rule.severity() != severity) {
                continue;
            }
            double threshold = rule.threshold(slo.window());
            Counts longCounts = counts.in(rule.longWindow());
            Counts shortCounts = counts.in(rule.shortWindow());
            if (longCounts.total() >= slo.minEvents() && shortCounts.total() >= slo.minEvents()
                    && longCounts.errorRatio() / slo.errorBudget() > threshold
                    && shortCounts.errorRatio() / slo.errorBudget() > threshold) {
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
