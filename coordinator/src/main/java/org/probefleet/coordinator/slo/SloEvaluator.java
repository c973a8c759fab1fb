package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, SeriesCounts> series = new LinkedHashMap<>();
        input.regions().forEach(region -> series.put(region, input.series().apply(region)));
        List<ScopeResult> regions = new ArrayList<>();
        for (Map.Entry<String, SeriesCounts> entry : series.entrySet()) {
            boolean noData = isMissing(entry.getValue(), input, now);
            regions.add(scope(entry.getKey(), input, List.of(entry.getValue()), now, noData));
        }
        ScopeResult global = scope(ScopeResult.GLOBAL, input, List.copyOf(series.values()), now, false);
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

    private ScopeResult scope(String name, SloInput input, List<SeriesCounts> series, Instant now, boolean noData) {
        Slo slo = input.slo();
        double budget = slo.errorBudget();
        Map<String, Double> burn = new LinkedHashMap<>();
        Map<String, Long> events = new LinkedHashMap<>();
        Map<Window, Counts> byWindow = new LinkedHashMap<>();
        for (Window window : Window.BURN_WINDOWS) {
            Counts counts = sum(series, now.minus(window.length()), now);
            byWindow.put(window, counts);
            burn.put(window.name(), counts.errorRatio() / budget);
            events.put(window.name(), counts.total());
        }
        Counts whole = sum(series, now.minus(slo.window()), now);
        double consumed = whole.errorRatio() / budget;
        double remaining = 1 - consumed;
        Optional<Duration> exhaustion = timeToExhaustion(remaining, slo.window(), burn.get(Window.H1.name()));
        Impact impact = slo.businessImpact()
                .map(business -> Impact.of(business, consumed, whole.errorRatio(), slo.window().toHours()))
                .orElse(Impact.NONE);
        return new ScopeResult(name, whole, whole.sli(), consumed, remaining, burn, events, exhaustion,
                input.policy().stateFor(consumed), impact, holds(Severity.PAGE, slo, byWindow),
                holds(Severity.TICKET, slo, byWindow), noData);
    }

    /** remaining × W ÷ b(1h): zero once exhausted, empty while nothing burns. */
    public static Optional<Duration> timeToExhaustion(double remaining, Duration window, double burn1h) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        return burn1h > 0 ? Optional.of(Duration.ofMillis(Math.round(remaining * window.toMillis() / burn1h))) : Optional.empty();
    }

    private boolean holds(Severity severity, Slo slo, Map<Window, Counts> byWindow) {
        for (AlertRule rule : rules) {
            if (rule.severity() != severity) {
                continue;
            }
            double threshold = rule.threshold(slo.window());
            Counts longCounts = byWindow.get(rule.longWindow());
            Counts shortCounts = byWindow.get(rule.shortWindow());
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

    private static Counts sum(List<SeriesCounts> series, Instant fromExclusive, Instant toInclusive) {
        Counts total = Counts.ZERO;
        for (SeriesCounts one : series) {
            total = total.plus(one.count(fromExclusive, toInclusive));
        }
        return total;
    }
}
