package org.probefleet.coordinator.alerting;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.AlertRule;
import org.probefleet.coordinator.slo.AlertWindows;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.view.Wording;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.Conventions;

/**
 * Writes the engine's decisions as notifications: labels {@code alertname, slo, journey,
 * severity, region, owner}, a one-line summary a person can act on, burn rates, budget, time to
 * exhaustion, impact, the failing step and a dashboard link. Pure: causes come in as a function.
 */
public final class AlertComposer {

    public static final String PAGE = "ProbefleetSLOPage";
    public static final String TICKET = "ProbefleetSLOTicket";
    public static final String REGION_TICKET = "ProbefleetSLORegionTicket";
    public static final String NO_DATA = "ProbefleetNoData";
    public static final String BUDGET_STATE = "ProbefleetBudgetState";
    public static final String BUDGET_THRESHOLD = "ProbefleetBudgetThreshold";

    /** A burn-rate alert firing this soon after a deploy names it. */
    public static final java.time.Duration NAMES_DEPLOY_WITHIN = java.time.Duration.ofHours(1);
    private static final java.time.format.DateTimeFormatter CLOCK_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
            .withZone(java.time.ZoneOffset.UTC);

    private final URI dashboard;
    private final String fleetOwner;

    public AlertComposer(URI dashboard, String fleetOwner) {
        this.dashboard = dashboard;
        this.fleetOwner = fleetOwner;
    }

    /** The notifications that fire for {@code snapshot}; {@code causes} gives the common failure of a scope's journey runs. */
    public List<Notification> firing(SloSnapshot snapshot, BiFunction<String, String, Optional<Cause>> causes) {
        List<Notification> notifications = new ArrayList<>();
        snapshot.firing().stream().sorted(Comparator.comparing(Alert::key)).forEach(alert -> {
            if (alert.kind() == Alert.Kind.NO_DATA) {
                notifications.add(noData(snapshot, alert.scope()));
            } else {
                notifications.add(burnRate(snapshot, alert, causes.apply(snapshot.slo().indicator().subject(), alert.scope())));
            }
        });
        return notifications;
    }

    /**
     * A burn-rate alert that fires within {@link #NAMES_DEPLOY_WITHIN} of {@code deploy}: the summary
     * ends "after deploy 2026.11.3 (14:02 UTC)" and the {@code deploy} annotation says who and where.
     * No-data alerts are about probes, not releases, and stay as they are.
     */
    public static Notification afterDeploy(Notification alert, Deploy deploy) {
        if (NO_DATA.equals(alert.labels().get("alertname"))) {
            return alert;
        }
        Map<String, String> annotations = new LinkedHashMap<>(alert.annotations());
        annotations.put("summary", alert.summary() + ", after deploy " + deploy.version() + " (" + CLOCK_TIME.format(deploy.at()) + " UTC)");
        annotations.put("deploy", deploy.version() + " deployed at " + deploy.at() + " by " + deploy.by()
                + deploy.link().map(link -> " (" + link + ")").orElse(""));
        return alert.withAnnotations(annotations);
    }

    /** A one-off notice for a budget state change or a threshold crossing; empty for alert events. */
    public Optional<Notification> notice(EngineEvent event, SloSnapshot snapshot) {
        Slo slo = snapshot.slo();
        String window = Durations.format(slo.window());
        if (event instanceof EngineEvent.StateChange change) {
            Map<String, String> labels = labels(BUDGET_STATE, slo, Severity.INFO, ScopeResult.GLOBAL, slo.owner());
            labels.put("state", change.to());
            String summary = slo.name() + " budget state " + change.from() + " → " + change.to() + ": "
                    + percent(change.consumed()) + " of the " + window + " budget consumed";
            return Optional.of(new Notification(key(slo, "state", change.to() + "@" + event.at()), labels,
                    scopeAnnotations(slo, snapshot.global(), summary), event.at(), Optional.empty()));
        }
        if (event instanceof EngineEvent.ThresholdCrossed crossed) {
            Map<String, String> labels = labels(BUDGET_THRESHOLD, slo, Severity.INFO, ScopeResult.GLOBAL, slo.owner());
            String summary = slo.name() + " crossed its notification threshold: " + percent(crossed.consumed()) + " of the "
                    + window + " budget consumed (threshold " + percent(crossed.threshold()) + ")";
            return Optional.of(new Notification(key(slo, "threshold", String.valueOf(event.at())), labels,
                    scopeAnnotations(slo, snapshot.global(), summary), event.at(), Optional.empty()));
        }
        return Optional.empty();
    }

    private Notification burnRate(SloSnapshot snapshot, Alert alert, Optional<Cause> cause) {
        Slo slo = snapshot.slo();
        boolean global = alert.scope().equals(ScopeResult.GLOBAL);
        String alertname = alert.severity() == Severity.PAGE ? PAGE : global ? TICKET : REGION_TICKET;
        ScopeResult scope = global ? snapshot.global() : region(snapshot, alert.scope());
        Window window = firingWindow(slo, scope);
        StringBuilder summary = new StringBuilder(slo.indicator().measuredJourney().orElse(slo.name())).append(" failing from ").append(where(snapshot, alert.scope()))
                .append(": burn ").append(Wording.burn(scope.burn(window))).append(" over ").append(window.name()).append(", ")
                .append(budgetLeft(scope.remaining(), slo));
        scope.timeToExhaustion().filter(left -> !left.isZero())
                .ifPresent(left -> summary.append(", exhausted in ").append(Wording.span(left)).append(" at this rate"));
        if (scope.impact().revenueAtRisk() > 0) {
            summary.append(", ").append(Wording.money(scope.impact().revenueAtRisk(), scope.impact().currency())).append(" at risk");
        }
        Map<String, String> annotations = scopeAnnotations(slo, scope, summary.toString());
        cause.ifPresent(common -> annotations.put("failing_step", common.describe()));
        return new Notification(key(slo, alert.scope()), labels(alertname, slo, alert.severity(), alert.scope(), slo.owner()),
                annotations, snapshot.at(), Optional.empty());
    }

    private Notification noData(SloSnapshot snapshot, String region) {
        Slo slo = snapshot.slo();
        String summary = slo.indicator().measuredJourney().map(journey -> "no outcomes of " + journey + " from " + region
                + " recently: its probes may be down, so " + slo.name() + " cannot see that region")
                .orElse("no counts for " + slo.name() + " from Prometheus in " + region
                        + " recently: Prometheus may be unreachable or its queries return nothing");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        annotations.put("description", "A region with no outcome for 3 schedule intervals is no_data: it is never counted as good. "
                + "Check the agents of " + region + " (GET /api/v1/agents) and their self-check.");
        annotations.put("dashboard", link(slo));
        return new Notification(key(slo, region, "no_data"), labels(NO_DATA, slo, Severity.TICKET, region, fleetOwner),
                annotations, snapshot.at(), Optional.empty());
    }

    private Map<String, String> scopeAnnotations(Slo slo, ScopeResult scope, String summary) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        StringBuilder burns = new StringBuilder();
        for (Window window : Window.BURN_WINDOWS) {
            burns.append(burns.isEmpty() ? "" : " · ").append(window.name()).append(' ').append(Wording.burn(scope.burn(window)));
        }
        annotations.put("burn_rates", burns.toString());
        annotations.put("budget", percent(scope.consumed()) + " consumed, " + percent(scope.remaining()) + " left of the "
                + Durations.format(slo.window()) + " budget (target " + Ratios.percent(slo.target()) + ")");
        annotations.put("time_to_exhaustion", scope.timeToExhaustion().map(Wording::span).orElse("not burning"));
        if (scope.impact().revenueAtRisk() > 0 || scope.impact().usersAffected().isPresent()) {
            StringBuilder impact = new StringBuilder(Wording.money(scope.impact().revenueAtRisk(), scope.impact().currency()))
                    .append(" of estimated revenue at risk");
            scope.impact().usersAffected().ifPresent(users -> impact.append(", ≈ ").append(Math.round(users)).append(" users affected"));
            annotations.put("impact", impact.toString());
        }
        annotations.put("dashboard", link(slo));
        return annotations;
    }

    private static Map<String, String> labels(String alertname, Slo slo, Severity severity, String region, String owner) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("slo", slo.name());
        slo.indicator().measuredJourney().ifPresent(journey -> labels.put("journey", journey));
        labels.put(Conventions.SEVERITY, severity.wireName());
        labels.put("region", region);
        labels.put("owner", owner);
        return labels;
    }

    /** "all regions", "eu-west and us-east (2 of 3 regions)", "ap-south only". */
    private static String where(SloSnapshot snapshot, String scope) {
        List<String> burning = snapshot.regions().stream().filter(r -> r.pageCondition() || r.ticketCondition())
                .map(ScopeResult::scope).toList();
        if (!scope.equals(ScopeResult.GLOBAL)) {
            return burning.equals(List.of(scope)) ? scope + " only" : scope;
        }
        if (burning.size() == snapshot.regions().size() && burning.size() > 1) {
            return "all regions";
        }
        return String.join(" and ", burning) + " (" + burning.size() + " of " + snapshot.regions().size() + " regions)";
    }

    /** The long window of the first rule that holds, page rules first: the number that made the scope burn. */
    private static Window firingWindow(Slo slo, ScopeResult scope) {
        for (AlertRule rule : AlertWindows.forPeriod(slo.window())) {
            if (scope.burn(rule.longWindow()) > rule.threshold() && scope.burn(rule.shortWindow()) > rule.threshold()) {
                return rule.longWindow();
            }
        }
        return Window.H1;
    }

    private static ScopeResult region(SloSnapshot snapshot, String region) {
        return snapshot.regions().stream().filter(r -> r.scope().equals(region)).findFirst().orElse(snapshot.global());
    }

    private static String budgetLeft(double remaining, Slo slo) {
        String window = Durations.format(slo.window()).replace("d", "-day");
        return remaining > 0 ? percent(remaining) + " of the " + window + " budget left"
                : "the " + window + " budget is exhausted (" + percent(1 - remaining) + " consumed)";
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    private String link(Slo slo) {
        return dashboard.toString().replaceAll("/+$", "") + "/slos/" + URLEncoder.encode(slo.name(), StandardCharsets.UTF_8);
    }

    /** One PagerDuty incident per SLO and scope, so a ticket escalates into the page instead of opening a second. */
    static String key(Slo slo, String... parts) {
        return "probefleet/slo/" + slo.name() + "/" + String.join("/", parts);
    }
}
