package org.probefleet.coordinator.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.view.Wording;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.PolicyState;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * One SLO in depth, where alerts link to: its state and budget, the budget burn-down over the
 * SLO window, the SLI per day, each region's last 24 hours, every window's burn rate per scope,
 * the steps that burned the budget, what fires, the policy for the current state, and the latest
 * failures with their error and artefacts. Charts are inline SVG: no scripts, no CDN.
 */
public final class SloPage {

    static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    static final int CHART_WIDTH = 720;
    static final int CHART_HEIGHT = 180;

    /** What the page shows: the snapshot, failures (the latest, and all in the window up to a bound), the region series, an override. */
    public record Data(SloSnapshot snapshot, List<Outcome> latestFailures, List<Outcome> failuresInWindow,
                       Map<String, SeriesCounts> series, Optional<GateOverrides.Override> override) {
    }

    private SloPage() {
    }

    public static String render(Data data, Duration refresh) {
        SloSnapshot snapshot = data.snapshot();
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
                .append("</p>\n<p>Budget left ").append(Ratios.percent(OverviewPage.round(global.remaining())));
        global.timeToExhaustion().ifPresent(left -> body.append(left.isZero() ? " · budget exhausted" : " · exhausted in " + Wording.span(left)));
        if (global.impact().revenueAtRisk() > 0) {
            body.append(" · ").append(Wording.money(global.impact().revenueAtRisk(), global.impact().currency())).append(" of estimated revenue at risk");
        }
        global.impact().usersAffected().ifPresent(users -> body.append(" · ≈ ").append(Math.round(users)).append(" users affected"));
        body.append("</p>\n");
        body.append(alerts(snapshot));
        body.append(policy(global.state(), data.override()));
        Map<String, SeriesCounts> series = new TreeMap<>(data.series());
        Counts window = sum(series, snapshot.at().minus(slo.window()), snapshot.at());
        body.append("<h3>Error budget burn-down</h3>\n").append(burnDown(snapshot, series, window));
        body.append("<h3>SLI per day</h3>\n").append(sliPerDay(snapshot, series));
        body.append("<h3>Regions, last 24 hours</h3>\n").append(strips(snapshot, series));
        body.append("<h3>Burn rates</h3>\n").append(scopes(snapshot));
        body.append("<h3>Steps that burned the budget</h3>\n").append(steps(data.failuresInWindow(), slo, window));
        body.append(failures(data.latestFailures()));
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

    private static String policy(PolicyState state, Optional<GateOverrides.Override> override) {
        StringBuilder html = new StringBuilder("<p><strong>Policy in ").append(OverviewPage.escape(state.name())).append(":</strong> releases ")
                .append(state.releases().name().toLowerCase(Locale.ROOT));
        override.ifPresent(o -> html.append(" · <span class=\"bad\">gate override: releases ").append(o.allowed() ? "allowed" : "blocked")
                .append(" until ").append(o.expires()).append(" by ").append(OverviewPage.escape(o.by())).append(" (")
                .append(OverviewPage.escape(o.reason())).append(")</span>"));
        html.append("</p>\n");
        if (!state.rules().isEmpty()) {
            html.append("<ul>\n");
            state.rules().forEach(rule -> html.append("<li>").append(OverviewPage.escape(rule)).append("</li>\n"));
            html.append("</ul>\n");
        }
        return html.toString();
    }

    /** Budget left at each day of the window (bad so far ÷ the budget of the whole window's events), against a steady spend. */
    private static String burnDown(SloSnapshot snapshot, Map<String, SeriesCounts> series, Counts window) {
        Slo slo = snapshot.slo();
        if (window.total() == 0) {
            return "<p class=\"muted\">No events in the window yet.</p>\n";
        }
        double allowed = slo.errorBudget() * window.total();
        Instant start = snapshot.at().minus(slo.window());
        long days = slo.window().toDays();
        List<double[]> points = new ArrayList<>();
        double lowest = 0;
        for (long day = 0; day <= days; day++) {
            Instant at = day == days ? snapshot.at() : start.plus(Duration.ofDays(day));
            double left = 1 - sum(series, start, at).bad() / allowed;
            lowest = Math.min(lowest, Math.max(-1, left));
            points.add(new double[] {(double) day / days, left});
        }
        double bottom = lowest;
        StringBuilder svg = svg("Error budget left over the last " + days + " days");
        line(svg, 0, y(0, bottom), CHART_WIDTH, y(0, bottom), "#8c959f", "4 3");
        line(svg, 0, y(1, bottom), CHART_WIDTH, y(0, bottom), "#8c959f", "2 4");
        svg.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"");
        for (double[] point : points) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", point[0] * CHART_WIDTH, y(Math.max(-1, point[1]), bottom)));
        }
        svg.append("\"/>\n");
        label(svg, 4, 14, "100%");
        label(svg, 4, y(0, bottom) - 4, "0% (dashed: a steady spend)");
        label(svg, CHART_WIDTH - 140, 14, "now: " + Ratios.percent(OverviewPage.round(points.get(points.size() - 1)[1])) + " left");
        return svg.append("</svg>\n").toString();
    }

    /** Daily SLI over the window as dots (green meeting the target, red missing it), with the target as a dashed line. */
    private static String sliPerDay(SloSnapshot snapshot, Map<String, SeriesCounts> series) {
        Slo slo = snapshot.slo();
        long days = slo.window().toDays();
        List<Double> slis = new ArrayList<>();
        double lowest = slo.target() - 2 * slo.errorBudget();
        for (long day = days; day > 0; day--) {
            Counts counts = sum(series, snapshot.at().minus(Duration.ofDays(day)), snapshot.at().minus(Duration.ofDays(day - 1)));
            slis.add(counts.sli());
            if (!Double.isNaN(counts.sli())) {
                lowest = Math.min(lowest, counts.sli());
            }
        }
        double bottom = Math.max(0, lowest);
        StringBuilder svg = svg("SLI per day over the last " + days + " days");
        double targetY = (1 - (slo.target() - bottom) / (1 - bottom)) * (CHART_HEIGHT - 20) + 10;
        line(svg, 0, targetY, CHART_WIDTH, targetY, "#cf222e", "4 3");
        double step = (double) CHART_WIDTH / days;
        StringBuilder line = new StringBuilder("<polyline fill=\"none\" stroke=\"#8c959f\" points=\"");
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < slis.size(); i++) {
            double sli = slis.get(i);
            if (Double.isNaN(sli)) {
                continue;
            }
            double x = (i + 0.5) * step;
            double y = (1 - (sli - bottom) / (1 - bottom)) * (CHART_HEIGHT - 20) + 10;
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s</title></circle>%n", x, y,
                    sli >= slo.target() ? "#1a7f37" : "#cf222e", (days - i) + " days ago: " + String.format(Locale.ROOT, "%.3f%%", sli * 100)));
        }
        svg.append(line).append("\"/>\n").append(dots);
        label(svg, 4, targetY - 4, "target " + Ratios.percent(slo.target()));
        return svg.append("</svg>\n").toString();
    }

    /** One row per region of the SLO, one cell per hour: green within budget, amber burning, red burning fast, grey without runs. */
    private static String strips(SloSnapshot snapshot, Map<String, SeriesCounts> series) {
        if (snapshot.regions().isEmpty()) {
            return "<p class=\"muted\">No region to show yet.</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"strip\"><tbody>\n");
        Instant end = snapshot.at();
        double budget = snapshot.slo().errorBudget();
        for (ScopeResult region : snapshot.regions()) {
            SeriesCounts regionSeries = series.getOrDefault(region.scope(), SeriesCounts.EMPTY);
            html.append("<tr><th>").append(OverviewPage.escape(region.scope())).append("</th><td>");
            for (int hour = 24; hour > 0; hour--) {
                Instant from = end.minus(Duration.ofHours(hour));
                Counts counts = regionSeries.count(from, from.plus(Duration.ofHours(1)));
                double burn = counts.errorRatio() / budget;
                String colour = counts.total() == 0 ? "#d0d7de" : burn <= 1 ? "#1a7f37" : burn <= 6 ? "#bf8700" : "#cf222e";
                html.append("<span class=\"cell\" style=\"background:").append(colour).append("\" title=\"").append(HOUR.format(from))
                        .append(" UTC: ").append(counts.good()).append(" good, ").append(counts.bad()).append(" bad")
                        .append(counts.total() == 0 ? "" : String.format(Locale.ROOT, ", burn %.1fx", burn)).append("\"></span>");
            }
            html.append("</td></tr>\n");
        }
        return html.append("</tbody></table>\n<p class=\"muted\">Each cell is an hour, oldest on the left: green within budget,"
                + " amber up to a 6x burn, red faster, grey without runs.</p>\n").toString();
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

    /** Failed runs in the window by failed step, with the share of the window's budget each spent. */
    private static String steps(List<Outcome> failures, Slo slo, Counts window) {
        if (failures.isEmpty()) {
            return "<p class=\"ok\">No failed run in the window" + (slo.indicator().latencyThreshold().isPresent()
                    ? " (slow successes also spend the budget; the burn rates above count them)" : "") + ".</p>\n";
        }
        Map<String, Long> byStep = new LinkedHashMap<>();
        failures.forEach(failure -> byStep.merge(failure.failedStep().orElse("(no step)"), 1L, Long::sum));
        double allowed = Math.max(1, slo.errorBudget() * window.total());
        StringBuilder table = new StringBuilder("<table>\n<thead><tr><th>Step</th><th>Failed runs</th><th>Budget spent</th></tr></thead>\n<tbody>\n");
        byStep.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(step -> table.append("<tr><td>")
                .append(OverviewPage.escape(step.getKey())).append("</td><td>").append(step.getValue()).append("</td><td>")
                .append(Ratios.percent(OverviewPage.round(step.getValue() / allowed))).append("</td></tr>\n"));
        return table.append("</tbody>\n</table>\n").toString();
    }

    private static String failures(List<Outcome> failures) {
        if (failures.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("<h3>Latest failures</h3>\n<p class=\"muted\">Traces open in Playwright's trace viewer:"
                + " <code>npx playwright show-trace trace.zip</code>.</p>\n<table>\n<thead><tr><th>Started</th><th>Region</th><th>Agent</th>"
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

    private static Counts sum(Map<String, SeriesCounts> series, Instant fromExclusive, Instant toInclusive) {
        Counts total = Counts.ZERO;
        for (SeriesCounts one : series.values()) {
            total = total.plus(one.count(fromExclusive, toInclusive));
        }
        return total;
    }

    private static StringBuilder svg(String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
                + "<title>%s</title><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>%n", CHART_WIDTH, CHART_HEIGHT, title, title));
    }

    private static double y(double value, double bottom) {
        return (1 - (value - bottom) / (1 - bottom)) * (CHART_HEIGHT - 20) + 10;
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String colour, String dashes) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"%s\"/>%n",
                x1, y1, x2, y2, colour, dashes));
    }

    private static void label(StringBuilder svg, double x, double y, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#57606a\">%s</text>%n", x, y,
                OverviewPage.escape(text)));
    }
}
