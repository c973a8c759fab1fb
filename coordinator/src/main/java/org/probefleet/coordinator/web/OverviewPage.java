package org.probefleet.coordinator.web;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.view.Wording;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;

/**
 * The dashboard's overview, rendered on the server as plain HTML (no scripts, no CDN): every SLO
 * with its policy state, budget left, burn rates, time to exhaustion, impact, firing alerts and
 * per-region status; then the agents. It refreshes itself.
 */
public final class OverviewPage {

    static final List<Window> SHOWN = List.of(Window.M5, Window.H1, Window.H6, Window.D1);
    static final Map<String, String> STATE_COLOURS = Map.of("FULL", "#1a7f37", "CAUTION", "#9a6700", "WARNING", "#bc4c00",
            "CRITICAL", "#cf222e", "EXHAUSTED", "#82071e");

    private OverviewPage() {
    }

    /** How many audit entries the overview shows; {@code GET /api/v1/audit} has them all. */
    static final int AUDIT_SHOWN = 10;
    /** Runs starting later than this after their planned time make the agent's lag red. */
    static final Duration LATE = Duration.ofSeconds(2);

    public static String render(Collection<SloSnapshot> snapshots, AgentRegistry agents, Map<String, GateOverrides.Override> overrides,
                                List<GateOverrides.Entry> audit, Duration refresh) {
        StringBuilder rows = new StringBuilder();
        for (SloSnapshot snapshot : snapshots.stream().sorted(Comparator.comparing(s -> s.slo().name())).toList()) {
            rows.append(row(snapshot, Optional.ofNullable(overrides.get(snapshot.slo().name()))));
        }
        StringBuilder auditRows = new StringBuilder();
        for (GateOverrides.Entry entry : audit.stream().limit(AUDIT_SHOWN).toList()) {
            auditRows.append("<tr><td>").append(entry.at()).append("</td><td>").append(escape(entry.slo())).append("</td><td>")
                    .append(entry.action()).append(entry.allowed().map(allowed -> allowed ? " (allow)" : " (block)").orElse(""))
                    .append("</td><td>").append(escape(entry.by())).append("</td><td>").append(escape(entry.reason())).append("</td><td>")
                    .append(entry.expires().map(Object::toString).orElse("")).append("</td></tr>\n");
        }
        StringBuilder agentRows = new StringBuilder();
        for (AgentRegistry.Heartbeat beat : agents.all()) {
            boolean up = agents.isLive(beat.agent());
            AgentRegistry.Status status = beat.status();
            agentRows.append("<tr><td>").append(escape(beat.region())).append("</td><td>").append(escape(beat.agent()))
                    .append("</td><td class=\"").append(up ? "ok" : "bad").append("\">").append(up ? "up" : "down")
                    .append("</td><td class=\"").append(status.selfCheckOk() ? "ok" : "bad").append("\">")
                    .append(status.selfCheckOk() ? "ok" : "failing").append("</td><td>").append(scheduleLag(status))
                    .append("</td><td>").append(status.outboxDepth())
                    .append("</td><td>").append(escape(status.version())).append("</td></tr>\n");
        }
        String body = """
                <table>
                <thead><tr><th>SLO</th><th>State</th><th>Budget left</th><th>Burn 5m · 1h · 6h · 1d</th><th>Exhausted in</th><th>Impact</th><th>Alerts</th><th>Regions</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                <table>
                <thead><tr><th>Region</th><th>Agent</th><th>Status</th><th>Self-check</th><th>Schedule lag</th><th>Outbox</th><th>Version</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                <h3>Release gate overrides (audit log)</h3>
                <table>
                <thead><tr><th>At</th><th>SLO</th><th>Action</th><th>By</th><th>Reason</th><th>Expires</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                """.formatted(rows, agentRows.length() == 0 ? "<tr><td colspan=\"6\" class=\"muted\">no agent has sent a heartbeat yet</td></tr>\n" : agentRows,
                auditRows.length() == 0 ? "<tr><td colspan=\"6\" class=\"muted\">no override yet</td></tr>\n" : auditRows);
        return page("Probefleet", "SLOs and error budgets", refresh, body);
    }

    /** The page around a body: one stylesheet inline, no scripts, no CDN; it reloads itself every {@code refresh}. */
    static String page(String title, String heading, Duration refresh, String body) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="%d">
                <title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
                header{background:#24292f;color:#fff;padding:.8rem 1.5rem;font-weight:600}
                header a{color:#fff}
                main{padding:1rem 1.5rem}
                table{border-collapse:collapse;width:100%%;background:#fff;margin-bottom:1.5rem}
                th,td{padding:.45rem .6rem;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}
                th{font-size:.8rem;text-transform:uppercase;color:#57606a}
                .state{color:#fff;border-radius:4px;padding:.15rem .5rem;font-weight:600;font-size:.85rem}
                .bar{background:#d0d7de;width:10rem;height:.8rem;border-radius:3px;overflow:hidden;display:inline-block;vertical-align:middle}
                .fill{height:100%%}
                .ok{color:#1a7f37}.bad{color:#cf222e}.muted{color:#57606a}
                .chip{display:inline-block;border-radius:3px;padding:0 .35rem;margin:0 .2rem .2rem 0;font-size:.85rem;border:1px solid #d0d7de}
                .chip.bad{border-color:#cf222e}.alert{font-weight:600}
                .chart{width:100%%;max-width:60rem;height:auto;display:block;margin-bottom:1rem}
                .strip th{width:7rem}.strip td{white-space:nowrap}
                .cell{display:inline-block;width:calc((100%% - 2rem) / 24);min-width:.7rem;height:1.2rem;margin-right:1px}
                @media (min-width:1800px){body{font-size:1.3rem}}
                </style>
                </head>
                <body>
                <header><a href="/">Probefleet</a> · %s</header>
                <main>
                %s<p class="muted">Refreshes every %d s. <a href="/journeys">Journeys</a> · API: <a href="/api/v1/slos">/api/v1/slos</a> · metrics: <a href="/metrics">/metrics</a></p>
                </main>
                </body>
                </html>
                """.formatted(refresh.toSeconds(), escape(title), escape(heading), body, refresh.toSeconds());
    }

    private static String row(SloSnapshot snapshot, Optional<GateOverrides.Override> override) {
        ScopeResult global = snapshot.global();
        String state = global.state().name();
        double left = Math.max(0, Math.min(1, global.remaining()));
        String colour = STATE_COLOURS.getOrDefault(state, "#57606a");
        StringBuilder burns = new StringBuilder();
        for (Window window : SHOWN) {
            if (!burns.isEmpty()) {
                burns.append(" · ");
            }
            burns.append(String.format(Locale.ROOT, "%.1f", global.burn(window)));
        }
        String exhaustion = global.timeToExhaustion().map(OverviewPage::human).orElse("not burning");
        StringBuilder impact = new StringBuilder(Wording.money(global.impact().revenueAtRisk(), global.impact().currency()) + " at risk");
        global.impact().usersAffected().ifPresent(users -> impact.append("<br>≈ ").append(Math.round(users)).append(" users affected"));
        StringBuilder alerts = new StringBuilder();
        snapshot.firing().stream().sorted(Comparator.comparing(Alert::key)).forEach(alert -> alerts.append("<div class=\"alert bad\">")
                .append(alert.severity().wireName()).append(" · ").append(escape(alert.scope()))
                .append(alert.kind() == Alert.Kind.NO_DATA ? " (no data)" : "").append("</div>"));
        StringBuilder regions = new StringBuilder();
        for (ScopeResult region : snapshot.regions()) {
            boolean bad = region.noData() || region.pageCondition() || region.ticketCondition();
            regions.append("<span class=\"chip").append(bad ? " bad" : "").append("\">").append(escape(region.scope())).append(' ')
                    .append(region.noData() ? "no data" : Double.isNaN(region.sli()) ? "–" : Ratios.percent(round(region.sli()))).append("</span>");
        }
        override.ifPresent(o -> alerts.append("<div class=\"alert\">gate override: releases ").append(o.allowed() ? "allowed" : "blocked")
                .append(" until ").append(o.expires()).append(" (").append(escape(o.by())).append(")</div>"));
        return "<tr><td><strong><a href=\"/slos/" + escape(snapshot.slo().name()) + "\">" + escape(snapshot.slo().name())
                + "</a></strong><div class=\"muted\">"
                + escape(snapshot.slo().indicator().journey()) + " · target " + Ratios.percent(snapshot.slo().target()) + " over "
                + Durations.format(snapshot.slo().window()) + "</div></td>"
                + "<td><span class=\"state\" style=\"background:" + colour + "\">" + state + "</span></td>"
                + "<td><span class=\"bar\"><span class=\"fill\" style=\"display:block;width:" + Math.round(left * 100)
                + "%;background:" + colour + "\"></span></span> " + Ratios.percent(round(global.remaining())) + "</td>"
                + "<td>" + burns + "</td><td>" + exhaustion + "</td><td>" + impact + "</td><td>"
                + (alerts.isEmpty() ? "<span class=\"muted\">none</span>" : alerts) + "</td><td>" + regions + "</td></tr>\n";
    }

    /** The latest run start since the agent's last heartbeat (red past {@link #LATE}) and the runs it skipped. */
    static String scheduleLag(AgentRegistry.Status status) {
        long lag = status.scheduleLagMs();
        String shown = lag < 1000 ? lag + " ms" : String.format(Locale.ROOT, "%.1f s", lag / 1000.0);
        return (lag > LATE.toMillis() ? "<span class=\"bad\">" + shown + "</span>" : shown)
                + (status.missedRuns() > 0 ? " <span class=\"muted\">· " + status.missedRuns() + " missed</span>" : "");
    }

    static double round(double ratio) {
        return Math.round(ratio * 10_000) / 10_000.0;
    }

    static String human(Duration duration) {
        return duration.isZero() ? "<span class=\"bad\">exhausted</span>" : Wording.span(duration);
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
