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
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;

/**
 * The quarterly SLO review, pure: outcomes stream in once; out come, per SLO, compliance per
 * month, the breaches (the engine's global pages and tickets over the quarter, each with the
 * step and region that failed most while it fired), the budget spent per cause, and whether the
 * target is too tight, too loose or about right. Journeys without an SLO are listed too.
 */
public final class QuarterlyReview {

    /** Breaches are found by evaluating the engine at this step across the quarter. */
    static final Duration STEP = Duration.ofMinutes(5);
    /** A month that consumed at least this much of its budget ran out. */
    static final double EXHAUSTED = 1.0;
    /** Never above this much consumed in any month: the target asks too little. */
    static final double LOOSE = 0.10;
    /** The tightest target a review suggests: past four nines, probes once a minute cannot tell. */
    static final double TIGHTEST_SUGGESTION = 0.9999;

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

    public record SloReview(Slo slo, List<Month> months, long good, long bad, double sli, double consumed, List<Breach> breaches,
                            List<Cause> causes, Verdict verdict, String recommendation) {
    }

    public record Review(Quarter quarter, Instant generatedAt, List<SloReview> slos, List<String> journeysWithoutSlo) {
    }

    /** The verdict on a target and why, with what to do about it. */
    record Judgement(Verdict verdict, String recommendation) {
    }

    private record BadRun(Instant at, String step, String region) {
    }

    private static final class Tally {
        final Map<String, ExactSeries.Builder> series = new HashMap<>();
        final Map<YearMonth, long[]> months = new HashMap<>();
        final List<BadRun> badRuns = new ArrayList<>();
    }

    private final Definitions definitions;
    private final Quarter quarter;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    public QuarterlyReview(Definitions definitions, Quarter quarter) {
        this.definitions = definitions;
        this.quarter = quarter;
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
                tally.badRuns.add(new BadRun(outcome.startedAt(), step, outcome.region()));
            }
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
        List<Breach> breaches = breaches(slo, tally, now);
        List<Cause> causes = causes(tally.badRuns, Math.max(1, budget * quarterCounts.total()));
        Judgement judgement = judge(slo, months, quarterCounts);
        return new SloReview(slo, months, good, bad, quarterCounts.sli(), quarterCounts.errorRatio() / budget, breaches, causes,
                judgement.verdict(), judgement.recommendation());
    }

    private List<Breach> breaches(Slo slo, Tally tally, Instant now) {
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
        Instant last = now.isBefore(quarter.end()) ? now : quarter.end();
        for (Instant at = quarter.start(); !at.isAfter(last); at = at.plus(STEP)) {
            SloSnapshot snapshot = evaluator.evaluate(input, at);
            for (EngineEvent event : tracker.update(snapshot).events()) {
                if (event instanceof EngineEvent.AlertFiring firing && isGlobalBurn(firing.alert())) {
                    open.put(firing.alert(), at);
                } else if (event instanceof EngineEvent.AlertResolved resolved && open.containsKey(resolved.alert())) {
                    breaches.add(breach(resolved.alert(), open.remove(resolved.alert()), Optional.of(at), tally.badRuns));
                }
            }
        }
        open.forEach((alert, start) -> breaches.add(breach(alert, start, Optional.empty(), tally.badRuns)));
        breaches.sort(Comparator.comparing(Breach::start));
        return breaches;
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
                counts.merge(List.of(run.step(), run.region()), 1L, Long::sum);
            }
        }
        List<String> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(List.of("(none)", "(none)"));
        return new Breach(alert.severity().wireName(), start, end, top.get(0), top.get(1));
    }

    private static List<Cause> causes(List<BadRun> badRuns, double allowedBad) {
        Map<List<String>, Long> counts = new HashMap<>();
        badRuns.forEach(run -> counts.merge(List.of(run.step(), run.region()), 1L, Long::sum));
        return counts.entrySet().stream()
                .map(entry -> new Cause(entry.getKey().get(0), entry.getKey().get(1), entry.getValue(), entry.getValue() / allowedBad))
                .sorted(Comparator.comparingLong(Cause::bad).reversed().thenComparing(Cause::step).thenComparing(Cause::region))
                .toList();
    }

    /** Too tight: the budget ran out in two of three months. Too loose: never above 10% consumed; suggest the target that would have spent about half. */
    private static Judgement judge(Slo slo, List<Month> months, Counts quarter) {
        List<Month> withData = months.stream().filter(Month::hasData).toList();
        if (withData.isEmpty()) {
            return new Judgement(Verdict.NO_DATA, "No outcomes in this quarter: check that agents report, and that the store keeps a"
                    + " quarter (retention: 100d).");
        }
        long exhausted = withData.stream().filter(month -> month.consumed() >= EXHAUSTED).count();
        if (exhausted >= 2) {
            double worst = withData.stream().mapToDouble(Month::sli).min().orElse(slo.target());
            return new Judgement(Verdict.TOO_TIGHT, "The budget ran out in " + exhausted + " of " + withData.size() + " months. Fix the top"
                    + " cause below, or loosen the target towards what the journey achieved (" + percent(floor(worst, 4)) + ").");
        }
        double most = withData.stream().mapToDouble(Month::consumed).max().orElse(0);
        if (most < LOOSE) {
            double suggested = Math.min(TIGHTEST_SUGGESTION, floor(1 - 2 * quarter.errorRatio(), 4));
            return new Judgement(Verdict.TOO_LOOSE, "Never above " + percent(LOOSE) + " of the budget consumed (at most " + percent(most)
                    + "). A target of " + percent(Math.max(suggested, slo.target())) + " would have spent about half of it.");
        }
        return new Judgement(Verdict.ABOUT_RIGHT, "The budget was used (at most " + percent(most) + " in a month) without running out"
                + " in two months.");
    }

    private static double floor(double ratio, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.floor(ratio * scale) / scale;
    }

    static String percent(double ratio) {
        return org.probefleet.journeys.model.Ratios.percent(Math.round(ratio * 1_000_000) / 1_000_000.0);
    }
}
