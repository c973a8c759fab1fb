package org.probefleet.coordinator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.probefleet.coordinator.alerting.DeliveryResult;
import org.probefleet.coordinator.alerting.Receiver;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.Outcome;

/** The coordinator's Prometheus metrics: ingest counters and the engine's latest results as gauges. */
public final class CoordinatorMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MultiGauge sli;
    private final MultiGauge burn;
    private final MultiGauge remaining;
    private final MultiGauge state;
    private final MultiGauge firing;
    private final MultiGauge agentUp;

    public CoordinatorMetrics() {
        sli = MultiGauge.builder(Conventions.SLO_SLI).description("SLI over each window: good / (good + bad)").register(registry);
        burn = MultiGauge.builder(Conventions.SLO_BURN_RATE).description("Error ratio over the window / (1 - target)").register(registry);
        remaining = MultiGauge.builder(Conventions.SLO_BUDGET_REMAINING).description("1 - consumed budget over the SLO window").register(registry);
        state = MultiGauge.builder(Conventions.SLO_BUDGET_STATE).description("1 for the SLO's current policy state").register(registry);
        firing = MultiGauge.builder(Conventions.SLO_ALERT_FIRING).description("1 while the alert fires").register(registry);
        agentUp = MultiGauge.builder(Conventions.AGENT_UP).description("1 while the agent heartbeats within the timeout").register(registry);
    }

    public void ingested(Outcome outcome) {
        Counter.builder(Conventions.OUTCOMES_INGESTED).description("Outcomes stored, by journey, region and status")
                .tags(Conventions.JOURNEY, outcome.journey(), Conventions.REGION, outcome.region(),
                        Conventions.STATUS, outcome.status().wireName())
                .register(registry).increment();
    }

    /** One delivery attempt to an on-call receiver ended: sent, retried or dropped. */
    public void notification(Receiver receiver, DeliveryResult result) {
        Counter.builder(Conventions.ALERT_NOTIFICATIONS).description("Alert deliveries to Alertmanager, PagerDuty and webhooks, by result")
                .tags(Conventions.RECEIVER, receiver.wireName(), Conventions.RESULT, result.wireName()).register(registry).increment();
    }

    public void update(Collection<SloSnapshot> snapshots, AgentRegistry agents) {
        List<MultiGauge.Row<?>> sliRows = new ArrayList<>();
        List<MultiGauge.Row<?>> burnRows = new ArrayList<>();
        List<MultiGauge.Row<?>> remainingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        List<MultiGauge.Row<?>> firingRows = new ArrayList<>();
        for (SloSnapshot snapshot : snapshots) {
            String slo = snapshot.slo().name();
            List<ScopeResult> scopes = new ArrayList<>(snapshot.regions());
            scopes.add(0, snapshot.global());
            for (ScopeResult scope : scopes) {
                Tags tags = Tags.of(Conventions.SLO, slo, Conventions.REGION, scope.scope());
                if (!Double.isNaN(scope.sli())) {
                    sliRows.add(MultiGauge.Row.of(tags.and(Conventions.WINDOW, windowName(snapshot)), scope.sli()));
                }
                for (Window window : Window.BURN_WINDOWS) {
                    burnRows.add(MultiGauge.Row.of(tags.and(Conventions.WINDOW, window.name()), scope.burn(window)));
                }
                remainingRows.add(MultiGauge.Row.of(tags, scope.remaining()));
            }
            stateRows.add(MultiGauge.Row.of(Tags.of(Conventions.SLO, slo, Conventions.STATE, snapshot.global().state().name()), 1));
            for (Alert alert : snapshot.firing()) {
                firingRows.add(MultiGauge.Row.of(Tags.of(Conventions.SLO, slo, Conventions.REGION, alert.scope(),
                        Conventions.SEVERITY, alert.severity().wireName()), 1));
            }
        }
        sli.register(sliRows, true);
        burn.register(burnRows, true);
        remaining.register(remainingRows, true);
        state.register(stateRows, true);
        firing.register(firingRows, true);
        agentUp.register(agents.all().stream().map(h -> MultiGauge.Row.of(Tags.of(Conventions.AGENT, h.agent(),
                Conventions.REGION, h.region()), agents.isLive(h.agent()) ? 1 : 0)).map(row -> (MultiGauge.Row<?>) row).toList(), true);
    }

    private static String windowName(SloSnapshot snapshot) {
        return org.probefleet.journeys.model.Durations.format(snapshot.slo().window());
    }

    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
