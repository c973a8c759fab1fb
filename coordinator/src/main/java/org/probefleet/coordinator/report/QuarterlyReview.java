package org.probefleet.coordinator.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.release.DeployImpact;
import org.probefleet.coordinator.release.Percentages;
import org.probefleet.coordinator.replay.RecordedMinute;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.AlertTracker;
import org.probefleet.coordinator.slo.Cadence;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.ExactSeries;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.coordinator.store.OwnerRecord;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * The quarterly SLO review, pure: outcomes stream in once; out come, per SLO, compliance per
 * month, the breaches (the engine's global pages and tickets over the quarter, each with the
 * step and region that failed most while it fired), the budget spent per cause, and whether the
 * target is too tight, too loose or about right, the time spent in each policy state, the
 * releases that spent the most, and who owned it when. Journeys without an SLO are listed too.
 * Journey SLOs count their runs; ratio and rum SLOs their recorded minutes, from the same math.
 */
public final class QuarterlyReview {

    /** Breaches are found by evaluating the engine at this step across the quarter: the engine's own precision. */
    static final Duration STEP = Duration.ofMinutes(1);
    /** Releases listed per SLO, those that spent most first. */
    static final int TOP_RELEASES = 5;
    /** The cause of a ratio or rum SLO's bad events: counted per minute, they name no step. */
    static final String COUNTED = "(bad events)";

    /** A month of one SLO; {@code sli} is NaN without events. */
    public record Month(YearMonth month, long good, long bad, double sli, double consumed) {
        public boolean hasData() {
            return good + bad > 0;
        }
    }

    /** A global page or ticket of the engine, with the step and region that failed most from an hour before it to its end. */
    public record Breach(String severity, Instant start, Optional<Instant> end, String step, String region) {
    }

    /** Bad runs of one failed step in one region, and the share of the quarter's budget they spent. */
    public record Cause(String step, String region, long bad, double budgetSpent) {
    }

    /** How long the SLO's global budget spent in one policy state this quarter, as the engine settled it. */
    public record StateTime(String state, String releases, Duration time) {
    }

    /** A deploy and the bad runs of its first hour, with the share of the quarter's budget they spent. */
    public record ReleaseSpend(String version, Instant at, String by, long bad, double budgetSpent) {
    }

    /** The SLO's owner changed from {@code from} to {@code to} (empty: none) at {@code at}, by a definitions push or load. */
    public record OwnerChange(Instant at, String from, String to) {
    }

    public record SloReview(Slo slo, List<Month> months, long good, long bad, double sli, double consumed, List<Breach> breaches,
                            List<Cause> causes, Verdict verdict, String recommendation, List<StateTime> states,
                            List<ReleaseSpend> releases, List<OwnerChange> ownerChanges) {
    }

    public record Review(Quarter quarter, Instant generatedAt, List<SloReview> slos, List<String> journeysWithoutSlo) {
    }

    /** What walking the engine across the quarter found: the breaches and the time in each state. */
    private record Walk(List<Breach> breaches, List<StateTime> states) {
    }

    /** {@code count} bad events at one instant: one run, or a recorded minute's. */
    private record BadRun(Instant at, String step, String region, long count) {
    }

    private static final class Tally {
        final Map<String, ExactSeries.Builder> series = new HashMap<>();
        final Map<YearMonth, long[]> months = new HashMap<>();
        final List<BadRun> badRuns = new ArrayList<>();
    }

    private final Definitions definitions;
    private final Quarter quarter;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<Deploy> deploys;
    private final Map<String, List<OwnerChange>> ownerChanges;

    public QuarterlyReview(Definitions definitions, Quarter quarter) {
        this(definitions, quarter, List.of());
    }

    /** With the deploys recorded (any time): those of the quarter are ranked by the budget their first hour spent. */
    public QuarterlyReview(Definitions definitions, Quarter quarter, List<Deploy> deploys) {
        this(definitions, quarter, deploys, List.of());
    }

    /** With the owners recorded at each definitions load (any time): the changes within the quarter are listed. */
    public QuarterlyReview(Definitions definitions, Quarter quarter, List<Deploy> deploys, List<OwnerRecord> owners) {
        this.definitions = definitions;
        this.quarter = quarter;
        this.deploys = List.copyOf(deploys);
        this.ownerChanges = OwnerChanges.between(owners, quarter.start(), quarter.end());
        definitions.slos().forEach(slo -> tallies.put(slo.name(), new Tally()));
    }

    /** Counts one outcome toward every SLO over its journey; outcomes outside the quarter (but within an SLO window before it) feed only the engine. */
    public void add(Outcome outcome) {
        for (Slo slo : definitions.slos()) {
            Optional<Journey> measured = slo.indicator().measuredJourney().flatMap(definitions::journey);
            if (measured.isEmpty()) {
                continue;
            }
            Journey journey = measured.get();
            if (!journey.id().equals(outcome.journey()) || !journey.runsIn(outcome.region())
                    || !outcome.startedAt().isBefore(quarter.end()) || outcome.startedAt().isBefore(quarter.start().minus(slo.window()))) {
                continue;
            }
            Classification classification = Classification.of(outcome.status(), outcome.durationMs(), slo.indicator().latencyThreshold(),
                    journey.mode());
            Tally tally = tallies.get(slo.name());
            tally.series.computeIfAbsent(outcome.region(), region -> new ExactSeries.Builder()).add(outcome.startedAt(), classification);
            if (outcome.startedAt().isBefore(quarter.start()) || !classification.counts()) {
                continue;
            }
            long[] month = tally.months.computeIfAbsent(YearMonth.from(outcome.startedAt().atZone(ZoneOffset.UTC)), m -> new long[2]);
            month[classification.countsAsBad() ? 1 : 0]++;
            if (classification.countsAsBad()) {
                String step = outcome.failedStep().orElse(classification == Classification.SLOW ? "(slow)" : "(no step)");
                tally.badRuns.add(new BadRun(outcome.startedAt(), step, outcome.region(), 1));
            }
        }
    }

    /**
     * Counts a recorded minute of a ratio or rum SLO, in the month its start is in; minutes outside
     * the quarter (but within the SLO window before it) feed only the engine. Minutes of journey
     * SLOs, whose events are their runs, and of SLOs not defined are left out.
     */
    public void add(MinuteCounts minute) {
        Optional<Slo> slo = definitions.slo(minute.slo()).filter(RecordedMinute::counts);
        Instant start = RecordedMinute.start(minute);
        if (slo.isEmpty() || !start.isBefore(quarter.end()) || start.isBefore(quarter.start().minus(slo.get().window()))) {
            return;
        }
        Tally tally = tallies.get(minute.slo());
        RecordedMinute.addTo(tally.series, minute);
        if (start.isBefore(quarter.start())) {
            return;
        }
        long[] month = tally.months.computeIfAbsent(YearMonth.from(start.atZone(ZoneOffset.UTC)), m -> new long[2]);
        month[0] += minute.good();
        month[1] += minute.bad();
        if (minute.bad() > 0) {
            tally.badRuns.add(new BadRun(minute.lastStartedAt(), COUNTED, minute.region(), minute.bad()));
        }
    }

    /** The review as of {@code now} (the quarter may still be running). */
    public Review finish(Instant now) {
        List<SloReview> reviews = new ArrayList<>();
        for (Slo slo : definitions.slos()) {
            reviews.add(review(slo, tallies.get(slo.name()), now));
        }
        TreeSet<String> covered = new TreeSet<>();
        definitions.slos().forEach(slo -> slo.indicator().measuredJourney().ifPresent(covered::add));
        List<String> uncovered = definitions.journeys().stream().map(Journey::id).filter(id -> !covered.contains(id)).sorted().toList();
        return new Review(quarter, now, reviews, uncovered);
    }

    private SloReview review(Slo slo, Tally tally, Instant now) {
        double budget = slo.errorBudget();
        List<Month> months = new ArrayList<>();
        long good = 0;
        long bad = 0;
        for (YearMonth month : quarter.months()) {
            long[] counts = tally.months.getOrDefault(month, new long[2]);
            Counts inMonth = new Counts(counts[0], counts[1]);
            months.add(new Month(month, counts[0], counts[1], inMonth.sli(), inMonth.errorRatio() / budget));
            good += counts[0];
            bad += counts[1];
        }
        Counts quarterCounts = new Counts(good, bad);
        tally.badRuns.sort(Comparator.comparing(BadRun::at));
        Walk walk = walk(slo, tally, now);
        double allowedBad = Math.max(1, budget * quarterCounts.total());
        List<Cause> causes = causes(tally.badRuns, allowedBad);
        Judgement judgement = Judgement.of(slo, months, quarterCounts);
        return new SloReview(slo, months, good, bad, quarterCounts.sli(), quarterCounts.errorRatio() / budget, walk.breaches(), causes,
                judgement.verdict(), judgement.recommendation(), walk.states(), releases(slo, tally.badRuns, allowedBad),
                ownerChanges.getOrDefault(slo.name(), List.of()));
    }

    /** The quarter's deploys of this SLO by the bad runs of their first hour, most first. */
    private List<ReleaseSpend> releases(Slo slo, List<BadRun> badRuns, double allowedBad) {
        List<ReleaseSpend> spends = new ArrayList<>();
        for (Deploy deploy : deploys) {
            if (!deploy.affects(slo.name(), slo.indicator().measuredJourney()) || deploy.at().isBefore(quarter.start())
                    || !deploy.at().isBefore(quarter.end())) {
                continue;
            }
            Instant from = Instant.ofEpochSecond(Math.floorDiv(deploy.at().getEpochSecond(), 60) * 60);
            Instant to = from.plus(DeployImpact.HOUR);
            long bad = badRuns.stream().filter(run -> run.at().isAfter(from) && !run.at().isAfter(to)).mapToLong(BadRun::count).sum();
            spends.add(new ReleaseSpend(deploy.version(), deploy.at(), deploy.by(), bad, bad / allowedBad));
        }
        spends.sort(Comparator.comparingLong(ReleaseSpend::bad).reversed().thenComparing(ReleaseSpend::at));
        return spends.subList(0, Math.min(TOP_RELEASES, spends.size()));
    }

    private Walk walk(Slo slo, Tally tally, Instant now) {
        Cadence cadence = Cadence.of(slo, definitions);
        Policy policy = definitions.policyOf(slo);
        Map<String, SeriesCounts> series = new HashMap<>();
        tally.series.forEach((region, builder) -> series.put(region, builder.build()));
        TreeSet<String> regions = new TreeSet<>(cadence.regions());
        regions.addAll(series.keySet());
        SloInput input = new SloInput(slo, policy, List.copyOf(regions), region -> series.getOrDefault(region, SeriesCounts.EMPTY),
                cadence.noDataAfter(), quarter.start(), cadence.runInterval());
        SloEvaluator evaluator = new SloEvaluator();
        AlertTracker tracker = new AlertTracker(policy.states().get(0).name());
        Map<Alert, Instant> open = new LinkedHashMap<>();
        List<Breach> breaches = new ArrayList<>();
        Map<String, Long> minutesIn = new HashMap<>();
        Instant last = now.isBefore(quarter.end()) ? now : quarter.end();
        for (Instant at = quarter.start(); !at.isAfter(last); at = at.plus(STEP)) {
            AlertTracker.Step step = tracker.update(evaluator.evaluate(input, at));
            if (at.isAfter(quarter.start())) {
                minutesIn.merge(step.snapshot().global().state().name(), STEP.toMinutes(), Long::sum);
            }
            for (EngineEvent event : step.events()) {
                if (event instanceof EngineEvent.AlertFiring firing && isGlobalBurn(firing.alert())) {
                    open.put(firing.alert(), at);
                } else if (event instanceof EngineEvent.AlertResolved resolved && open.containsKey(resolved.alert())) {
                    breaches.add(breach(resolved.alert(), open.remove(resolved.alert()), Optional.of(at), tally.badRuns));
                }
            }
        }
        open.forEach((alert, start) -> breaches.add(breach(alert, start, Optional.empty(), tally.badRuns)));
        breaches.sort(Comparator.comparing(Breach::start));
        List<StateTime> states = policy.states().stream().map(state -> new StateTime(state.name(),
                state.releases().name().toLowerCase(java.util.Locale.ROOT), Duration.ofMinutes(minutesIn.getOrDefault(state.name(), 0L)))).toList();
        return new Walk(breaches, states);
    }

    private static boolean isGlobalBurn(Alert alert) {
        return alert.kind() == Alert.Kind.BURN_RATE && alert.scope().equals(ScopeResult.GLOBAL);
    }

    private static Breach breach(Alert alert, Instant start, Optional<Instant> end, List<BadRun> badRuns) {
        Instant from = start.minus(Duration.ofHours(1));
        Instant to = end.orElse(Instant.MAX);
        Map<List<String>, Long> counts = new HashMap<>();
        for (BadRun run : badRuns) {
            if (!run.at().isBefore(from) && !run.at().isAfter(to)) {
                counts.merge(List.of(run.step(), run.region()), run.count(), Long::sum);
            }
        }
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        // Steps or regions that failed equally are named together: none of them is the worst.
        TreeSet<String> steps = new TreeSet<>();
        TreeSet<String> regions = new TreeSet<>();
        counts.forEach((pair, count) -> {
            if (count == most) {
                steps.add(pair.get(0));
                regions.add(pair.get(1));
            }
        });
        if (steps.isEmpty()) {
            return new Breach(alert.severity().wireName(), start, end, "(none)", "(none)");
        }
        return new Breach(alert.severity().wireName(), start, end, String.join(", ", steps),
                String.join(", ", regions) + (regions.size() > 1 ? " (equally)" : ""));
    }

    private static List<Cause> causes(List<BadRun> badRuns, double allowedBad) {
        Map<List<String>, Long> counts = new HashMap<>();
        badRuns.forEach(run -> counts.merge(List.of(run.step(), run.region()), run.count(), Long::sum));
        return counts.entrySet().stream()
                .map(entry -> new Cause(entry.getKey().get(0), entry.getKey().get(1), entry.getValue(), entry.getValue() / allowedBad))
                .sorted(Comparator.comparingLong(Cause::bad).reversed().thenComparing(Cause::step).thenComparing(Cause::region))
                .toList();
    }

    /** A share of the budget as the review writes it: one decimal at most. */
    static String percent(double ratio) {
        return Percentages.of(ratio);
    }
}
