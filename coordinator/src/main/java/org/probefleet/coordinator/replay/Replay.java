package org.probefleet.coordinator.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.slo.AlertTracker;
import org.probefleet.coordinator.slo.Cadence;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.ExactSeries;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.view.EngineJson;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * Backtesting: the coordinator's SLO engine over recorded outcomes (and, for SLOs whose events are
 * counted, recorded minutes) on their own timestamps, evaluated at every step; each event, then a
 * summary per SLO and scope at the last step.
 */
public final class Replay {

    public record Settings(Optional<Instant> from, Optional<Instant> to, Duration step, Optional<Double> target) {
    }

    private final Definitions definitions;
    private final SloEvaluator evaluator = new SloEvaluator();

    public Replay(Definitions definitions) {
        this.definitions = definitions;
    }

    /** Runs the replay over outcomes only, handing each JSON line to {@code out}; returns the number of steps evaluated. */
    public long run(List<Outcome> outcomes, Settings settings, Consumer<ObjectNode> out) {
        return run(outcomes, List.of(), settings, out);
    }

    /**
     * Runs the replay over outcomes (for journey SLOs) and recorded minutes (for ratio and rum
     * SLOs, those with none are left out; minutes of other SLOs are ignored), handing each JSON line to {@code out}; returns the
     * number of steps evaluated.
     */
    public long run(List<Outcome> outcomes, List<MinuteCounts> minutes, Settings settings, Consumer<ObjectNode> out) {
        List<Instant> times = new ArrayList<>(outcomes.stream().map(Outcome::startedAt).toList());
        minutes.forEach(minute -> times.add(minute.lastStartedAt()));
        if (times.isEmpty() && (settings.from().isEmpty() || settings.to().isEmpty())) {
            return 0;
        }
        Instant from = settings.from().orElseGet(() -> Collections.min(times));
        Instant to = settings.to().orElseGet(() -> Collections.max(times));
        List<SloInput> inputs = new ArrayList<>();
        Map<String, AlertTracker> trackers = new LinkedHashMap<>();
        for (Slo slo : definitions.slos().stream().sorted(Comparator.comparing(Slo::name)).toList()) {
            Slo effective = settings.target().map(slo::withTarget).orElse(slo);
            Policy policy = definitions.policyOf(slo);
            if (RecordedMinute.counts(slo)) {
                List<MinuteCounts> own = minutes.stream().filter(minute -> minute.slo().equals(slo.name())).toList();
                if (own.isEmpty()) {
                    continue;  // nothing recorded for it: replaying outcomes alone says nothing of it, not that its data stopped
                }
                inputs.add(recorded(effective, policy, own, from));
            } else {
                Journey journey = definitions.journey(slo.indicator().measuredJourney().orElseThrow()).orElseThrow();
                inputs.add(input(effective, journey, policy, outcomes, from));
            }
            trackers.put(slo.name(), new AlertTracker(policy.states().get(0).name()));
        }
        long steps = 0;
        Map<String, SloSnapshot> latest = new HashMap<>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(settings.step())) {
            steps++;
            for (SloInput input : inputs) {
                AlertTracker.Step step = trackers.get(input.slo().name()).update(evaluator.evaluate(input, t));
                latest.put(input.slo().name(), step.snapshot());
                for (EngineEvent event : step.events()) {
                    out.accept(EngineJson.event(event));
                }
            }
        }
        for (SloInput input : inputs) {
            SloSnapshot snapshot = latest.get(input.slo().name());
            if (snapshot == null) {
                continue;
            }
            out.accept(summary(snapshot, snapshot.global()));
            snapshot.regions().forEach(region -> out.accept(summary(snapshot, region)));
        }
        return steps;
    }

    private static ObjectNode summary(SloSnapshot snapshot, ScopeResult scope) {
        ObjectNode json = EngineJson.scope(snapshot.slo().name(), scope);
        ObjectNode line = json.objectNode().put("at", snapshot.at().toString()).put("type", "summary");
        line.setAll(json);
        return line;
    }

    /** A ratio or rum SLO's input: its recorded minutes, in the regions they name. */
    private SloInput recorded(Slo slo, Policy policy, List<MinuteCounts> minutes, Instant from) {
        Map<String, ExactSeries.Builder> builders = new HashMap<>();
        minutes.forEach(minute -> RecordedMinute.addTo(builders, minute));
        Map<String, SeriesCounts> series = new HashMap<>();
        builders.forEach((region, builder) -> series.put(region, builder.build()));
        Cadence cadence = Cadence.of(slo, definitions);
        return new SloInput(slo, policy, cadence.expected(List.of(), series.keySet()),
                region -> series.getOrDefault(region, SeriesCounts.EMPTY), cadence.noDataAfter(), from, cadence.runInterval());
    }

    private static SloInput input(Slo slo, Journey journey, Policy policy, List<Outcome> outcomes, Instant from) {
        Map<String, ExactSeries.Builder> builders = new HashMap<>();
        TreeSet<String> regions = new TreeSet<>(journey.regions());
        for (Outcome outcome : outcomes) {
            if (!outcome.journey().equals(journey.id()) || !journey.runsIn(outcome.region())) {
                continue;
            }
            regions.add(outcome.region());
            builders.computeIfAbsent(outcome.region(), region -> new ExactSeries.Builder()).add(outcome.startedAt(),
                    Classification.of(outcome.status(), outcome.durationMs(), slo.indicator().latencyThreshold(), journey.mode()));
        }
        Map<String, SeriesCounts> series = new HashMap<>();
        builders.forEach((region, builder) -> series.put(region, builder.build()));
        return new SloInput(slo, policy, List.copyOf(regions), region -> series.getOrDefault(region, SeriesCounts.EMPTY),
                SloInput.noDataAfter(journey), from, SloInput.runInterval(journey));
    }
}
