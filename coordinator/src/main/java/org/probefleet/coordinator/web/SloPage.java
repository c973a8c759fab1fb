package org.probefleet.coordinator.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.probefleet.coordinator.budget.BudgetLedger;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.release.Percentages;
import org.probefleet.coordinator.release.DeployImpact;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.coordinator.slo.Divergence;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.view.Html;
import org.probefleet.coordinator.view.Wording;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.PolicyState;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * One SLO in depth, where alerts link to: its state and budget, the budget burn-down over the
 * SLO window, the SLI per day, each region's last 24 hours, every window's burn rate per scope,
 * the steps that burned the budget, what fires, synthetic beside real-user completion of its journey, the policy for the current state, and the latest
 * failures with their error and artefacts. The markup is {@code web/slo.jte}; charts are inline SVG.
 */
public final class SloPage {

    /** What the page shows: the snapshot, failures (the latest, and all in the window up to a bound), the region series, an override. */
    public record Data(SloSnapshot snapshot, List<Outcome> latestFailures, List<Outcome> failuresInWindow,
                       Map<String, SeriesCounts> series, Optional<GateOverrides.Override> override, List<DeployImpact> deploys,
                       BudgetLedger ledger, Optional<Divergence> sideBySide) {
    }

    record View(Summary summary, List<OverviewPage.AlertLine> alerts, Policy policy, Optional<SloCharts.Chart> burnDown,
                SloCharts.Chart sliPerDay, List<SloCharts.Strip> strips, List<String> burnWindows, List<ScopeRow> scopes, Steps steps,
                List<FailureRow> failures, long refreshSeconds, List<ReleaseRow> releases, Ledger ledger,
                Optional<SideBySide> sideBySide) {
    }

    /** Where the budget went: the sentence, then each breakdown (each adds up to what was consumed). */
    record Ledger(String sentence, List<LedgerTable> tables) {
        static Ledger of(BudgetLedger ledger) {
            return new Ledger(ledger.sentence(), List.of(table("Cause", ledger.causes()), table("Region", ledger.byRegion()),
                    table("Step", ledger.byStep())));
        }

        private static LedgerTable table(String title, List<BudgetLedger.Line> lines) {
            return new LedgerTable(title, lines.stream().map(line -> new LedgerRow(line.name(), line.bad(), Percentages.of(line.share()))).toList());
        }
    }

    record LedgerTable(String title, List<LedgerRow> rows) {
    }

    record LedgerRow(String name, long bad, String share) {
    }

    /** A deploy in the window and what its first hour did to the SLO. */
    record ReleaseRow(String at, String version, String by, Optional<String> link, String sentence) {
    }

    /** Synthetic and real-user completion over the last hour, and the notice when they diverge. */
    record SideBySide(String synthetic, long syntheticEvents, String realUsers, long realUserEvents, Optional<String> notice) {

        static SideBySide of(Divergence divergence) {
            Optional<String> notice = divergence.kind().map(kind -> kind == Divergence.Kind.USERS_FAIL_PROBES_PASS
                    ? "Real users fail where probes pass: the probes miss what users hit (a silent failure)."
                    : "Probes fail where real users pass: check the probe's journey before the site.");
            return new SideBySide(completion(divergence.synthetic()), divergence.synthetic().total(), completion(divergence.realUsers()),
                    divergence.realUsers().total(), notice);
        }

        private static String completion(Counts counts) {
            return counts.total() == 0 ? "–" : Ratios.percent(OverviewPage.round(counts.sli()));
        }
    }

    /** The heading and the lines under it; {@code exhaustion} reads "budget exhausted" or "exhausted in …". */
    record Summary(String name, String state, String colour, String description, String journey, String owner, String target,
                   String window, String policy, Optional<String> goodWithin, String budgetLeft, Optional<String> exhaustion,
                   Optional<String> revenueAtRisk, Optional<Long> usersAffected) {
    }

    record Policy(String state, String releases, Optional<GateOverrides.Override> override, List<String> rules) {
    }

    record ScopeRow(String scope, String sli, String left, List<String> burns, OverviewPage.Exhaustion exhaustion, String condition) {
    }

    /** Failed runs in the window by failed step; {@code latencyCounted} when slow successes spend the budget too. */
    record Steps(List<StepRow> rows, boolean latencyCounted) {
    }

    record StepRow(String step, long failedRuns, String budgetSpent) {
    }

    record FailureRow(String startedAt, String region, String agent, String step, String error, Map<String, String> artifacts) {
    }

    private SloPage() {
    }

    public static String render(Data data, Duration refresh) {
        SloSnapshot snapshot = data.snapshot();
        Slo slo = snapshot.slo();
        Map<String, SeriesCounts> series = new TreeMap<>(data.series());
        Counts window = SloCharts.sum(series, snapshot.at().minus(slo.window()), snapshot.at());
        PolicyState state = snapshot.global().state();
        Policy policy = new Policy(state.name(), state.releases().name().toLowerCase(Locale.ROOT), data.override(), state.rules());
        List<Deploy> deploys = data.deploys().stream().map(DeployImpact::deploy).toList();
        Instant start = snapshot.at().minus(slo.window());
        return Html.render("web/slo.jte", new View(summary(snapshot), OverviewPage.AlertLine.of(snapshot), policy,
                SloCharts.burnDown(snapshot, series, window).map(chart -> SloCharts.withDeploys(chart, deploys, start, snapshot.at())),
                SloCharts.withDeploys(SloCharts.sliPerDay(snapshot, series), deploys, start, snapshot.at()), SloCharts.strips(snapshot, series),
                Window.BURN_WINDOWS.stream().map(Window::name).toList(), scopes(snapshot),
                steps(data.failuresInWindow(), slo, window), failures(data.latestFailures()), refresh.toSeconds(),
                releases(snapshot, data.deploys()), Ledger.of(data.ledger()), data.sideBySide().map(SideBySide::of)));
    }

    /** Newest first: the deploy a reader looks for is the last one. */
    private static List<ReleaseRow> releases(SloSnapshot snapshot, List<DeployImpact> impacts) {
        List<ReleaseRow> rows = new ArrayList<>();
        for (DeployImpact impact : impacts) {
            Deploy deploy = impact.deploy();
            rows.add(0, new ReleaseRow(deploy.at().toString(), deploy.version(), deploy.by(), deploy.link(),
                    impact.sentence(snapshot.slo().name(), snapshot.global().budgetEvents(), snapshot.slo().errorBudget())));
        }
        return rows;
    }

    private static Summary summary(SloSnapshot snapshot) {
        Slo slo = snapshot.slo();
        ScopeResult global = snapshot.global();
        String state = global.state().name();
        double revenue = global.impact().revenueAtRisk();
        return new Summary(slo.name(), state, OverviewPage.colour(state), slo.description(), slo.indicator().subject(), slo.owner(),
                Ratios.percent(slo.target()), Durations.format(slo.window()), slo.policy(), slo.indicator().latencyThreshold().map(Durations::format),
                Ratios.percent(OverviewPage.round(global.remaining())) + basisNote(global),
                global.timeToExhaustion().map(left -> left.isZero() ? "budget exhausted" : "exhausted in " + Wording.span(left)),
                revenue > 0 ? Optional.of(Wording.money(revenue, global.impact().currency())) : Optional.empty(), OverviewPage.users(global));
    }

    private static List<ScopeRow> scopes(SloSnapshot snapshot) {
        List<ScopeResult> scopes = new ArrayList<>(snapshot.regions());
        scopes.add(0, snapshot.global());
        return scopes.stream().map(scope -> new ScopeRow(scope.scope(), Double.isNaN(scope.sli()) ? "–" : Ratios.percent(OverviewPage.round(scope.sli())),
                Ratios.percent(OverviewPage.round(scope.remaining())),
                Window.BURN_WINDOWS.stream().map(window -> String.format(Locale.ROOT, "%.2f", scope.burn(window))).toList(),
                OverviewPage.Exhaustion.of(scope),
                scope.noData() ? "no data" : scope.pageCondition() ? "page" : scope.ticketCondition() ? "ticket" : "–")).toList();
    }

    /** Said while a fresh SLO's budget is measured against the runs its window will hold rather than the few seen. */
    private static String basisNote(ScopeResult global) {
        return global.budgetBasis() == ScopeResult.BudgetBasis.PLANNED
                ? String.format(Locale.ROOT, " (of the budget for the %,d runs planned in the window; %,d seen so far)",
                        global.plannedEvents(), global.sloWindow().total())
                : "";
    }

    /** Failed runs in the window by failed step, with the share of the window's budget each spent. */
    private static Steps steps(List<Outcome> failures, Slo slo, Counts window) {
        Map<String, Long> byStep = new LinkedHashMap<>();
        failures.forEach(failure -> byStep.merge(failure.failedStep().orElse("(no step)"), 1L, Long::sum));
        double allowed = Math.max(1, slo.errorBudget() * window.total());
        List<StepRow> rows = byStep.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(step -> new StepRow(step.getKey(), step.getValue(), Ratios.percent(OverviewPage.round(step.getValue() / allowed)))).toList();
        return new Steps(rows, slo.indicator().latencyThreshold().isPresent());
    }

    private static List<FailureRow> failures(List<Outcome> failures) {
        return failures.stream().map(failure -> new FailureRow(failure.startedAt().toString(), failure.region(), failure.agent(),
                failure.failedStep().orElse("–"), failure.error().orElse(""), failure.artifacts())).toList();
    }
}
