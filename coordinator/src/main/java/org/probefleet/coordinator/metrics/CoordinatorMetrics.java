package org.probefleet.coordinator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.probefleet.coordinator.alerting.DeliveryResult;
import org.probefleet.coordinator.alerting.FleetHealth;
import org.probefleet.coordinator.alerting.Receiver;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.slo.SloSnapshot;
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

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<FleetHealth.Expected> configuredAgents;
    private final Counter unknownJourney;
    private final SloGauges slos;
    private final MultiGauge agentUp;
    private final AtomicInteger leader = new AtomicInteger();
    private volatile Set<String> knownJourneys = Set.of();

    /** @param configuredAgents the agents of the configuration: each has an up series from the start, and their regions are the fleet's */
    public CoordinatorMetrics(List<FleetHealth.Expected> configuredAgents) {
        this.configuredAgents = List.copyOf(configuredAgents);
        unknownJourney = Counter.builder(Conventions.OUTCOMES_UNKNOWN_JOURNEY)
                .description("Outcomes stored for journeys this coordinator does not define: kept for drill-down, counted toward no SLO")
                .register(registry);
        slos = new SloGauges(registry.config().namingConvention());
        registry.getPrometheusRegistry().register(slos);
        Gauge.builder(Conventions.GROUP_LEADER, leader, AtomicInteger::get)
                .description("1 while this coordinator leads its group (evaluates alerts and tells on-call), otherwise 0; always 1 alone on its store")
                .register(registry);
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
        slos.update(snapshots);
        agentUp.register(rows(agentsUp(agents.all(), agents::isLive)), true);
    }

    /** Whether this coordinator led its group at its latest evaluation (always, alone on its store). */
    public void leading(boolean leads) {
        leader.set(leads ? 1 : 0);
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
