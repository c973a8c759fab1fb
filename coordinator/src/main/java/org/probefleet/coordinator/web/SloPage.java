package org.probefleet.coordinator.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.view.Wording;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.outcome.Outcome;

/**
 * One SLO in depth, where alerts link to: its state and budget, every window's burn rate for the
 * global scope and each region, what fires, and the latest failures with their step, error and
 * artefacts (screenshot, trace).
 */
public final class SloPage {

    private SloPage() {
    }

    public static String render(SloSnapshot snapshot, List<Outcome> failures, Duration refresh) {
        Slo slo = snapshot.slo();
        ScopeResult global = snapshot.global();
        String state = global.state().name();
        StringBuilder body = new StringBuilder();
        body.append("<h2>").append(OverviewPage.escape(slo.name())).append(" <span class=\"state\" style=\"background:")
                .append(OverviewPage.STATE_COLOURS.getOrDefault(state, "#57606a")).append("\">").append(state).append("</span></h2>\n")
                .append("<p>").append(OverviewPage.escape(slo.description())).append("</p>\n<p class=\"muted\">journey ")
                .append(OverviewPage.escape(slo.indicator().journey())).append(" · owner ").append(OverviewPage.escape(slo.owner()))
                .append(" · target ").append(Ratios.percent(slo.target())).append(" over ").append(Durations.format(slo.window()))
                .append(" · policy ").append(OverviewPage.escape(slo.policy()))
                .append(slo.indicator().latencyThreshold().map(limit -> " · good within " + Durations.format(limit)).orElse(""))
                .append("</p>\n<p>Releases: ").append(OverviewPage.escape(global.state().releases().name().toLowerCase(Locale.ROOT)));
        if (global.impact().revenueAtRisk() > 0) {
            body.append(" · ").append(Wording.money(global.impact().revenueAtRisk(), global.impact().currency())).append(" of estimated revenue at risk");
        }
        global.impact().usersAffected().ifPresent(users -> body.append(" · ≈ ").append(Math.round(users)).append(" users affected"));
        body.append("</p>\n");
        body.append(alerts(snapshot));
        body.append(scopes(snapshot));
        body.append(failures(failures));
        return OverviewPage.page(slo.name() + " · Probefleet", slo.name(), refresh, body.toString());
    }

    private static String alerts(SloSnapshot snapshot) {
        if (snapshot.firing().isEmpty()) {
            return "<p class=\"ok\">Nothing fires.</p>\n";
        }
        StringBuilder list = new StringBuilder("<ul>\n");
        snapshot.firing().stream().sorted(Comparator.comparing(Alert::key)).forEach(alert -> list.append("<li class=\"alert bad\">")
                .append(alert.severity().wireName()).append(" · ").append(OverviewPage.escape(alert.scope()))
                .append(alert.kind() == Alert.Kind.NO_DATA ? " · no data" : " · burn rate").append("</li>\n"));
        return list.append("</ul>\n").toString();
    }

    private static String scopes(SloSnapshot snapshot) {
        StringBuilder table = new StringBuilder("<table>\n<thead><tr><th>Scope</th><th>SLI</th><th>Budget left</th>");
        Window.BURN_WINDOWS.forEach(window -> table.append("<th>Burn ").append(window.name()).append("</th>"));
        table.append("<th>Exhausted in</th><th>Condition</th></tr></thead>\n<tbody>\n");
        List<ScopeResult> scopes = new ArrayList<>(snapshot.regions());
        scopes.add(0, snapshot.global());
        for (ScopeResult scope : scopes) {
            String condition = scope.noData() ? "no data" : scope.pageCondition() ? "page" : scope.ticketCondition() ? "ticket" : "–";
            table.append("<tr><td><strong>").append(OverviewPage.escape(scope.scope())).append("</strong></td><td>")
                    .append(Double.isNaN(scope.sli()) ? "–" : Ratios.percent(OverviewPage.round(scope.sli()))).append("</td><td>")
                    .append(Ratios.percent(OverviewPage.round(scope.remaining()))).append("</td>");
            for (Window window : Window.BURN_WINDOWS) {
                table.append("<td>").append(String.format(Locale.ROOT, "%.2f", scope.burn(window))).append("</td>");
            }
            table.append("<td>").append(scope.timeToExhaustion().map(OverviewPage::human).orElse("not burning")).append("</td><td")
                    .append(condition.equals("–") ? ">" : " class=\"bad\">").append(condition).append("</td></tr>\n");
        }
        return table.append("</tbody>\n</table>\n").toString();
    }

    private static String failures(List<Outcome> failures) {
        if (failures.isEmpty()) {
            return "<p class=\"muted\">No failed runs in the last day.</p>\n";
        }
        StringBuilder table = new StringBuilder("<h3>Latest failures</h3>\n<table>\n<thead><tr><th>Started</th><th>Region</th><th>Agent</th>"
                + "<th>Step</th><th>Error</th><th>Artefacts</th></tr></thead>\n<tbody>\n");
        for (Outcome failure : failures) {
            StringBuilder artifacts = new StringBuilder();
            failure.artifacts().forEach((kind, id) -> artifacts.append("<a href=\"/api/v1/artifacts/").append(OverviewPage.escape(id))
                    .append("\">").append(OverviewPage.escape(kind)).append("</a> "));
            table.append("<tr><td>").append(failure.startedAt()).append("</td><td>").append(OverviewPage.escape(failure.region()))
                    .append("</td><td>").append(OverviewPage.escape(failure.agent())).append("</td><td>")
                    .append(OverviewPage.escape(failure.failedStep().orElse("–"))).append("</td><td>")
                    .append(OverviewPage.escape(failure.error().orElse(""))).append("</td><td>").append(artifacts).append("</td></tr>\n");
        }
        return table.append("</tbody>\n</table>\n").toString();
    }
}
