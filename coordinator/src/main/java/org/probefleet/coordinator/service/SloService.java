package org.probefleet.coordinator.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.probefleet.coordinator.slo.AlertTracker;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.EngineMemory;
import org.probefleet.coordinator.slo.RollingSeries;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.Counting;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * The coordinator's live SLO engine: rolling series per SLO and region fed by ingest, rebuilt
 * from the store at start, evaluated on a clock; the latest snapshot of every SLO for the API,
 * metrics, dashboard and alerting, and the engine events of each evaluation.
 */
public final class SloService {

    private record Tracked(Slo slo, Journey journey, Policy policy, Map<String, RollingSeries> series, AlertTracker tracker) {
    }

    private final Clock clock;
    private final SloEvaluator evaluator = new SloEvaluator();
    private final Set<String> fleetRegions = ConcurrentHashMap.newKeySet();
    private volatile Instant watchingSince;
    private volatile Map<String, Tracked> tracked = Map.of();
    /** How outcomes count now: the feed of the tracked SLOs. */
    private volatile Feed live = new Feed(Map.of());
    private volatile Map<String, SloSnapshot> latest = Map.of();

    public SloService(Clock clock) {
        this.clock = clock;
        this.watchingSince = clock.instant();
    }

    /** Regions the fleet is configured for: journeys without a region list are expected in each. */
    public void addFleetRegions(Iterable<String> regions) {
        regions.forEach(fleetRegions::add);
    }

    /**
     * Starts tracking these definitions: the store recounts the SLOs whose definition changed,
     * refills every series from its per-minute counts and from then on feeds committed outcomes.
     */
    public synchronized void load(Definitions definitions, OutcomeStore store) {
        Map<String, Tracked> fresh = new LinkedHashMap<>();
        Duration longest = Duration.ofDays(1);
        for (Slo slo : definitions.slos().stream().sorted(Comparator.comparing(Slo::name)).toList()) {
            Journey journey = definitions.journey(slo.indicator().journey()).orElseThrow();
            Policy policy = definitions.policyOf(slo);
            AlertTracker previous = tracked.containsKey(slo.name()) ? tracked.get(slo.name()).tracker() : null;
            fresh.put(slo.name(), new Tracked(slo, journey, policy, new ConcurrentHashMap<>(),
                    previous != null ? previous : new AlertTracker(policy.states().get(0).name())));
            longest = longest.compareTo(slo.window()) >= 0 ? longest : slo.window();
        }
        store.countWith(new Feed(fresh), clock.instant().minus(longest)).join();
    }

    /** Counts one stored outcome toward every SLO over its journey. */
    public void record(Outcome outcome) {
        live.record(outcome);
    }

    private static RollingSeries series(Tracked one, String region) {
        return one.series().computeIfAbsent(region, key -> new RollingSeries(one.slo().window()));
    }

    /**
     * How the store counts for a set of tracked SLOs, which become the live ones once the store has
     * caught up. SLOs are looked up by journey: an outcome costs the SLOs over its journey, not all.
     */
    private final class Feed implements Counting {
        private final Map<String, Tracked> slos;
        private final Map<String, List<Tracked>> byJourney = new HashMap<>();

        Feed(Map<String, Tracked> slos) {
            this.slos = slos;
            slos.values().forEach(one -> byJourney.computeIfAbsent(one.journey().id(), journey -> new ArrayList<>()).add(one));
        }

        void record(Outcome outcome) {
            forEachCounting(outcome, (one, classification) -> series(one, outcome.region()).add(outcome.startedAt(), classification));
        }

        private void forEachCounting(Outcome outcome, BiConsumer<Tracked, Classification> action) {
            for (Tracked one : byJourney.getOrDefault(outcome.journey(), List.of())) {
                if (one.journey().runsIn(outcome.region())) {
                    action.accept(one, Classification.of(outcome.status(), outcome.durationMs(), one.slo().indicator().latencyThreshold(),
                            one.journey().mode()));
                }
            }
        }

        @Override
        public Map<String, String> fingerprints() {
            Map<String, String> fingerprints = new LinkedHashMap<>();
            slos.forEach((name, one) -> fingerprints.put(name, String.join("|", one.journey().id(), one.journey().mode().name(),
                    one.slo().indicator().latencyThreshold().map(limit -> limit.toMillis() + "ms").orElse("no latency threshold"),
                    String.join(",", one.journey().regions()))));
            return fingerprints;
        }

        @Override
        public List<Counted> countsOf(Outcome outcome) {
            List<Counted> counted = new ArrayList<>(1);
            forEachCounting(outcome, (one, classification) -> counted.add(new Counted(one.slo().name(), classification)));
            return counted;
        }

        @Override
        public void minute(Minute minute) {
            Tracked one = slos.get(minute.slo());
            if (one != null) {
                series(one, minute.region()).add(minute.lastStartedAt(), minute.good(), minute.failed() + minute.slow());
            }
        }

        @Override
        public void caughtUp() {
            tracked = slos;
            live = this;
        }

        @Override
        public void stored(Outcome outcome, List<Counted> counted) {
            for (Counted way : counted) {
                Tracked one = slos.get(way.slo());
                if (one != null) {
                    series(one, outcome.region()).add(outcome.startedAt(), way.classification());
                }
            }
        }
    }

    /** Evaluates every SLO now, keeps the snapshots and hands the events to listeners. */
    public List<EngineEvent> evaluate() {
        Instant now = clock.instant();
        Map<String, SloSnapshot> snapshots = new LinkedHashMap<>();
        List<EngineEvent> events = new ArrayList<>();
        for (Tracked one : tracked.values()) {
            SloSnapshot snapshot = evaluator.evaluate(input(one), now);
            snapshots.put(one.slo().name(), snapshot);
            synchronized (one.tracker()) {
                events.addAll(one.tracker().update(snapshot));
            }
        }
        latest = snapshots;
        return events;
    }

    /** What the engine remembers (trackers, watching since), to be saved. */
    public EngineMemory memory() {
        Map<String, AlertTracker.Memory> memories = new LinkedHashMap<>();
        for (Tracked one : tracked.values()) {
            synchronized (one.tracker()) {
                memories.put(one.slo().name(), one.tracker().memory());
            }
        }
        return new EngineMemory(memories, watchingSince);
    }

    /** Puts a saved memory back (before the first evaluation after a restart), for the SLOs that still exist. */
    public synchronized void restore(EngineMemory memory) {
        Map<String, Tracked> restored = new LinkedHashMap<>();
        tracked.forEach((name, one) -> restored.put(name, memory.trackers().containsKey(name)
                ? new Tracked(one.slo(), one.journey(), one.policy(), one.series(), new AlertTracker(memory.trackers().get(name)))
                : one));
        tracked = restored;
        watchingSince = memory.watchingSince();
    }

    /** The per-region series of one SLO (empty for an unknown one), for charts over its window. */
    public Map<String, SeriesCounts> series(String slo) {
        Tracked one = tracked.get(slo);
        return one == null ? Map.of() : Map.copyOf(one.series());
    }

    public Map<String, SloSnapshot> snapshots() {
        return latest;
    }

    private SloInput input(Tracked one) {
        TreeSet<String> regions = new TreeSet<>(one.journey().regions());
        if (regions.isEmpty()) {
            regions.addAll(fleetRegions);
            regions.addAll(one.series().keySet());
        }
        return new SloInput(one.slo(), one.policy(), List.copyOf(regions),
                region -> {
                    SeriesCounts series = one.series().get(region);
                    return series != null ? series : SeriesCounts.EMPTY;
                }, SloInput.noDataAfter(one.journey()), watchingSince);
    }
}
