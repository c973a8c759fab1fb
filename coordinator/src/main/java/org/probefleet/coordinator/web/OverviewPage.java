package org.probefleet.coordinator.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.view.Html;
import org.probefleet.coordinator.view.Wording;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;

/**
 * The dashboard's overview, rendered on the server as plain HTML (no scripts, no CDN): every SLO
 * with its policy state, budget left, burn rates, time to exhaustion, impact, firing alerts and
 * per-region status; then the agents. It refreshes itself. The markup is {@code web/overview.jte}.
 */
public final class OverviewPage {

    static final List<Window> SHOWN = List.of(Window.M5, Window.H1, Window.H6, Window.D1);
    static final Map<String, String> STATE_COLOURS = Map.of("FULL", "#1a7f37", "CAUTION", "#9a6700", "WARNING", "#bc4c00",
            "CRITICAL", "#cf222e", "EXHAUSTED", "#82071e");

    /** How many audit entries the overview shows; {@code GET /api/v1/audit} has them all. */
    static final int AUDIT_SHOWN = 10;
    /** Runs starting later than this after their planned time make the agent's lag red. */
    static final Duration LATE = Duration.ofSeconds(2);

    record View(List<SloRow> slos, List<AgentRow> agents, List<AuditRow> audit, long refreshSeconds) {
    }

    record SloRow(String name, String journey, String target, String window, String state, String colour, long leftPercent,
                  String left, String burns, Exhaustion exhaustion, String revenueAtRisk, Optional<Long> usersAffected,
                  List<AlertLine> alerts, Optional<GateOverrides.Override> override, List<Chip> regions) {
    }

    /** When the budget runs out at the current burn: {@code exhausted} already, or in {@code text}. */
    record Exhaustion(boolean exhausted, String text) {
        static Exhaustion of(ScopeResult scope) {
            return scope.timeToExhaustion().map(left -> new Exhaustion(left.isZero(), Wording.span(left)))
                    .orElse(new Exhaustion(false, "not burning"));
        }
    }

    record AlertLine(String severity, String scope, boolean noData) {
        static List<AlertLine> of(SloSnapshot snapshot) {
            return snapshot.firing().stream().sorted(Comparator.comparing(Alert::key))
                    .map(alert -> new AlertLine(alert.severity().wireName(), alert.scope(), alert.kind() == Alert.Kind.NO_DATA)).toList();
        }
    }

    record Chip(String text, boolean bad) {
    }

    record AgentRow(String region, String agent, boolean up, boolean selfCheckOk, String lag, boolean late, long missedRuns,
                    long outboxDepth, String version) {
    }

    record AuditRow(String at, String slo, String action, String by, String reason, String expires) {
    }

    private OverviewPage() {
    }

    public static String render(Collection<SloSnapshot> snapshots, AgentRegistry agents, Map<String, GateOverrides.Override> overrides,
                                List<GateOverrides.Entry> audit, Duration refresh) {
        List<SloRow> slos = snapshots.stream().sorted(Comparator.comparing(s -> s.slo().name()))
                .map(snapshot -> row(snapshot, Optional.ofNullable(overrides.get(snapshot.slo().name())))).toList();
        List<AuditRow> auditRows = audit.stream().limit(AUDIT_SHOWN).map(entry -> new AuditRow(entry.at().toString(), entry.slo(),
                entry.action() + entry.allowed().map(allowed -> allowed ? " (allow)" : " (block)").orElse(""), entry.by(), entry.reason(),
                entry.expires().map(Object::toString).orElse(""))).toList();
        List<AgentRow> agentRows = new ArrayList<>();
        for (AgentRegistry.Heartbeat beat : agents.all()) {
            AgentRegistry.Status status = beat.status();
            agentRows.add(new AgentRow(beat.region(), beat.agent(), agents.isLive(beat.agent()), status.selfCheckOk(), lag(status),
                    status.scheduleLagMs() > LATE.toMillis(), status.missedRuns(), status.outboxDepth(), status.version()));
        }
        return Html.render("web/overview.jte", new View(slos, agentRows, auditRows, refresh.toSeconds()));
    }

    private static SloRow row(SloSnapshot snapshot, Optional<GateOverrides.Override> override) {
        ScopeResult global = snapshot.global();
        String state = global.state().name();
        double left = Math.max(0, Math.min(1, global.remaining()));
        String burns = SHOWN.stream().map(window -> String.format(Locale.ROOT, "%.1f", global.burn(window))).collect(Collectors.joining(" · "));
        List<Chip> regions = snapshot.regions().stream().map(region -> new Chip(region.scope() + " "
                + (region.noData() ? "no data" : Double.isNaN(region.sli()) ? "–" : Ratios.percent(round(region.sli()))),
                region.noData() || region.pageCondition() || region.ticketCondition())).toList();
        return new SloRow(snapshot.slo().name(), snapshot.slo().indicator().subject(), Ratios.percent(snapshot.slo().target()),
                Durations.format(snapshot.slo().window()), state, colour(state), Math.round(left * 100), Ratios.percent(round(global.remaining())),
                burns, Exhaustion.of(global), Wording.money(global.impact().revenueAtRisk(), global.impact().currency()),
                users(global), AlertLine.of(snapshot), override, regions);
    }

    static Optional<Long> users(ScopeResult scope) {
        return scope.impact().usersAffected().isPresent() ? Optional.of(Math.round(scope.impact().usersAffected().getAsDouble()))
                : Optional.empty();
    }

    static String colour(String state) {
        return STATE_COLOURS.getOrDefault(state, "#57606a");
    }

    /** The latest run start since the agent's last heartbeat; the template makes it red past {@link #LATE}. */
    static String lag(AgentRegistry.Status status) {
        long lag = status.scheduleLagMs();
        return lag < 1000 ? lag + " ms" : String.format(Locale.ROOT, "%.1f s", lag / 1000.0);
    }

    static double round(double ratio) {
        return Math.round(ratio * 10_000) / 10_000.0;
    }
}
