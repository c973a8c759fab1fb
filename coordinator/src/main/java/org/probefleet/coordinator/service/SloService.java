package org.probefleet.coordinator.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.probefleet.coordinator.counting.CountFeed;
import org.probefleet.coordinator.counting.CountedSlo;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.counting.SloCounter;
import org.probefleet.coordinator.slo.AlertTracker;
import org.probefleet.coordinator.slo.Cadence;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.EngineMemory;
import org.probefleet.coordinator.slo.RollingSeries;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * The coordinator's live SLO engine: rolling series per SLO and region fed by ingest, rebuilt
 * from the store at start, evaluated on a clock; the latest snapshot of every SLO for the API,
 * metrics, dashboard and alerting, and the engine events of each evaluation.
 */
public final class SloService {

    private record Tracked(Slo slo, Cadence cadence, Policy policy, Map<String, RollingSeries> series, AlertTracker tracker) {
    }

    private final Clock clock;
    private final SloEvaluator evaluator = new SloEvaluator();
    private final Set<String> fleetRegions = ConcurrentHashMap.newKeySet();
    private volatile Instant watchingSince;
    private volatile Map<String, Tracked> tracked = Map.of();
    /** How outcomes count now: the feed of the tracked SLOs. */
    private volatile Feed live = new Feed(Map.of(), Definitions.EMPTY, Instant.EPOCH);
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
     * refills every series from its per-minute counts and from then on feeds committed outcomes;
     * each SLO's owner is recorded where it changed, for the quarterly review.
     */
    public synchronized void load(Definitions definitions, OutcomeStore store) {
        Map<String, Tracked> fresh = new LinkedHashMap<>();
        Duration longest = Duration.ofDays(1);
        for (Slo slo : definitions.slos().stream().sorted(Comparator.comparing(Slo::name)).toList()) {
            Policy policy = definitions.policyOf(slo);
            AlertTracker previous = tracked.containsKey(slo.name()) ? tracked.get(slo.name()).tracker() : null;
            fresh.put(slo.name(), new Tracked(slo, Cadence.of(slo, definitions), policy, new ConcurrentHashMap<>(),
                    previous != null ? previous : new AlertTracker(policy.states().get(0).name())));
            longest = longest.compareTo(slo.window()) >= 0 ? longest : slo.window();
        }
        store.countWith(new Feed(fresh, definitions, clock.instant().minus(longest)).counter).join();
        Map<String, String> owners = new LinkedHashMap<>();
        definitions.slos().forEach(slo -> owners.put(slo.name(), slo.owner()));
        store.recordOwners(clock.instant(), owners);
    }

    /**
     * Counts one outcome toward every SLO over its journey, without the store: for an outcome another
     * coordinator of the group committed, and for a bench that feeds the engine directly.
     */
    public void record(Outcome outcome) {
        live.add(live.counter.countsOf(outcome));
    }

    private static RollingSeries series(Tracked one, String region) {
        return one.series().computeIfAbsent(region, key -> new RollingSeries(one.slo().window()));
    }

    /** The series of a set of tracked SLOs, fed by their counter; they become the live ones once the store has caught up. */
    private final class Feed implements CountFeed {
        private final Map<String, Tracked> slos;
        private final SloCounter counter;

        Feed(Map<String, Tracked> slos, Definitions definitions, Instant since) {
            this.slos = slos;
            this.counter = new SloCounter(slos.values().stream().map(one -> CountedSlo.of(one.slo(), definitions)).toList(), since, this);
        }

        void add(List<MinuteCounts> counted) {
            counted.forEach(this::minute);
        }

        @Override
        public void minute(MinuteCounts minute) {
            Tracked one = slos.get(minute.slo());
            if (one != null) {
                series(one, minute.region()).add(minute.lastStartedAt(), minute.good(), minute.bad());
            }
        }

        @Override
        public void caughtUp() {
            tracked = slos;
            live = this;
        }

        @Override
        public void stored(Outcome outcome, List<MinuteCounts> counted) {
            add(counted);
        }
    }

    /** Evaluates every SLO now, keeps the snapshots and hands the events to listeners. */
    public List<EngineEvent> evaluate() {
        Instant now = clock.instant();
        Map<String, SloSnapshot> snapshots = new LinkedHashMap<>();
        List<EngineEvent> events = new ArrayList<>();
        for (Tracked one : tracked.values()) {
            SloSnapshot fresh = evaluator.evaluate(input(one), now);
            synchronized (one.tracker()) {
                // The settled snapshot: alerts still held and the global state within its band, as the events say.
                AlertTracker.Step step = one.tracker().update(fresh);
                snapshots.put(one.slo().name(), step.snapshot());
                events.addAll(step.events());
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
                ? new Tracked(one.slo(), one.cadence(), one.policy(), one.series(), new AlertTracker(memory.trackers().get(name)))
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
        List<String> regions = one.cadence().expected(fleetRegions, one.series().keySet());
        return new SloInput(one.slo(), one.policy(), regions,
                region -> {
                    SeriesCounts series = one.series().get(region);
                    return series != null ? series : SeriesCounts.EMPTY;
                }, one.cadence().noDataAfter(), watchingSince, one.cadence().runInterval());
    }
}
