package org.probefleet.coordinator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.probefleet.coordinator.alerting.DeliveryResult;
import org.probefleet.coordinator.alerting.FleetHealth;
import org.probefleet.coordinator.alerting.Receiver;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * The coordinator's Prometheus metrics: ingest counters and the engine's latest results as gauges.
 * Every series the coordinator knows of is there from the start (at 0), so a query or an alert rule
 * never has to tell "nothing happened" from "no series"; labels come only from definitions and
 * configuration, never from what a sender makes up.
 */
public final class CoordinatorMetrics {

    /** The severities SLO alerts fire with; info is a notice no alert rule raises. */
    static final List<Severity> ALERT_SEVERITIES = List.of(Severity.PAGE, Severity.TICKET);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<FleetHealth.Expected> configuredAgents;
    private final Counter unknownJourney;
    private final MultiGauge sli;
    private final MultiGauge burn;
    private final MultiGauge remaining;
    private final MultiGauge state;
    private final MultiGauge firing;
    private final MultiGauge agentUp;
    private volatile Set<String> knownJourneys = Set.of();

    /** @param configuredAgents the agents of the configuration: each has an up series from the start, and their regions are the fleet's */
    public CoordinatorMetrics(List<FleetHealth.Expected> configuredAgents) {
        this.configuredAgents = List.copyOf(configuredAgents);
        unknownJourney = Counter.builder(Conventions.OUTCOMES_UNKNOWN_JOURNEY)
                .description("Outcomes stored for journeys this coordinator does not define: kept for drill-down, counted toward no SLO")
                .register(registry);
        sli = MultiGauge.builder(Conventions.SLO_SLI)
                .description("SLI over the SLO window and every burn-rate window: good / (good + bad); absent while the window holds no events")
                .register(registry);
        burn = MultiGauge.builder(Conventions.SLO_BURN_RATE).description("Error ratio over the window / (1 - target)").register(registry);
        remaining = MultiGauge.builder(Conventions.SLO_BUDGET_REMAINING).description("1 - consumed budget over the SLO window").register(registry);
        state = MultiGauge.builder(Conventions.SLO_BUDGET_STATE).description("1 for the SLO's current policy state").register(registry);
        firing = MultiGauge.builder(Conventions.SLO_ALERT_FIRING)
                .description("1 while the SLO's alert of this severity fires for the scope (global or a region), otherwise 0").register(registry);
        agentUp = MultiGauge.builder(Conventions.AGENT_UP)
                .description("1 while the agent heartbeats within the timeout; 0 for a configured agent not heard from since the coordinator started")
                .register(registry);
        agentUp.register(rows(agentsUp(List.of(), agent -> false)), true);
    }

    /**
     * The journeys whose outcomes are counted by journey from now on: each in its regions (the
     * fleet's when it names none) and every status starts at 0; journeys no longer defined lose
     * their series.
     */
    public void journeys(Collection<Journey> journeys) {
        Set<String> fleetRegions = configuredAgents.stream().map(FleetHealth.Expected::region).collect(Collectors.toCollection(TreeSet::new));
        knownJourneys = journeys.stream().map(Journey::id).collect(Collectors.toUnmodifiableSet());
        for (Journey journey : journeys) {
            for (String region : journey.regions().isEmpty() ? fleetRegions : new TreeSet<>(journey.regions())) {
                for (OutcomeStatus status : OutcomeStatus.values()) {
                    ingestedCounter(journey.id(), region, status);
                }
            }
        }
        for (Counter counter : registry.find(Conventions.OUTCOMES_INGESTED).counters()) {
            if (!knownJourneys.contains(counter.getId().getTag(Conventions.JOURNEY))) {
                registry.remove((Meter) counter);
            }
        }
    }

    /** One outcome stored: counted under its journey if this coordinator defines it, otherwise only as unknown. */
    public void ingested(Outcome outcome) {
        if (knownJourneys.contains(outcome.journey())) {
            ingestedCounter(outcome.journey(), outcome.region(), outcome.status()).increment();
        } else {
            unknownJourney.increment();
        }
    }

    private Counter ingestedCounter(String journey, String region, OutcomeStatus status) {
        return Counter.builder(Conventions.OUTCOMES_INGESTED)
                .description("Outcomes stored, by journey, region and status (journeys this coordinator defines; every one from 0)")
                .tags(Conventions.JOURNEY, journey, Conventions.REGION, region, Conventions.STATUS, status.wireName())
                .register(registry);
    }

    /** One delivery attempt to an on-call receiver ended: sent, retried or dropped. */
    public void notification(Receiver receiver, DeliveryResult result) {
        Counter.builder(Conventions.ALERT_NOTIFICATIONS).description("Alert deliveries to Alertmanager, PagerDuty and webhooks, by result")
                .tags(Conventions.RECEIVER, receiver.wireName(), Conventions.RESULT, result.wireName()).register(registry).increment();
    }

    /** The engine's latest snapshots and the agents' liveness. */
    public void update(Collection<SloSnapshot> snapshots, AgentRegistry agents) {
        Map<Tags, Double> sliRows = new LinkedHashMap<>();
        List<MultiGauge.Row<?>> burnRows = new ArrayList<>();
        List<MultiGauge.Row<?>> remainingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> stateRows = new ArrayList<>();
        Map<Tags, Double> firingRows = new LinkedHashMap<>();
        for (SloSnapshot snapshot : snapshots) {
            String slo = snapshot.slo().name();
            List<ScopeResult> scopes = new ArrayList<>(snapshot.regions());
            scopes.add(0, snapshot.global());
            for (ScopeResult scope : scopes) {
                Tags tags = Tags.of(Conventions.SLO, slo, Conventions.REGION, scope.scope());
                sliRows.put(tags.and(Conventions.WINDOW, Durations.format(snapshot.slo().window())), scope.sli());
                for (Window window : Window.BURN_WINDOWS) {
                    // An SLO window as long as a burn window is the same window: its row stays as it is.
                    sliRows.putIfAbsent(tags.and(Conventions.WINDOW, window.name()), scope.windows().get(Window.position(window)).sli());
                    burnRows.add(MultiGauge.Row.of(tags.and(Conventions.WINDOW, window.name()), scope.burn(window)));
                }
                remainingRows.add(MultiGauge.Row.of(tags, scope.remaining()));
                ALERT_SEVERITIES.forEach(severity -> firingRows.put(tags.and(Conventions.SEVERITY, severity.wireName()), 0.0));
            }
            stateRows.add(MultiGauge.Row.of(Tags.of(Conventions.SLO, slo, Conventions.STATE, snapshot.global().state().name()), 1));
            for (Alert alert : snapshot.firing()) {
                firingRows.put(Tags.of(Conventions.SLO, slo, Conventions.REGION, alert.scope(),
                        Conventions.SEVERITY, alert.severity().wireName()), 1.0);
            }
        }
        sliRows.values().removeIf(value -> Double.isNaN(value));
        sli.register(rows(sliRows), true);
        burn.register(burnRows, true);
        remaining.register(remainingRows, true);
        state.register(stateRows, true);
        firing.register(rows(firingRows), true);
        agentUp.register(rows(agentsUp(agents.all(), agents::isLive)), true);
    }

    /** Every configured agent (down until heard from) and every agent that heartbeats, by name. */
    private Map<Tags, Double> agentsUp(List<AgentRegistry.Heartbeat> heard, Predicate<String> live) {
        Map<String, Tags> tags = new TreeMap<>();
        configuredAgents.forEach(agent -> tags.put(agent.agent(), Tags.of(Conventions.AGENT, agent.agent(), Conventions.REGION, agent.region())));
        heard.forEach(beat -> tags.put(beat.agent(), Tags.of(Conventions.AGENT, beat.agent(), Conventions.REGION, beat.region())));
        Map<Tags, Double> up = new LinkedHashMap<>();
        tags.forEach((agent, labels) -> up.put(labels, live.test(agent) ? 1.0 : 0.0));
        return up;
    }

    private static List<MultiGauge.Row<?>> rows(Map<Tags, Double> values) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        values.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value)));
        return rows;
    }

    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
