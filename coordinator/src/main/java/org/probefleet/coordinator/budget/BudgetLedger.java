package org.probefleet.coordinator.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.release.DeployImpact;
import org.probefleet.coordinator.release.Percentages;

/**
 * Where an SLO's budget went over its window: every bad event in exactly one cause (a release's
 * first hour, an incident hour, a slow run, another failure), and again by region and by failed
 * step, so each breakdown adds up to what was consumed; what is left, and the forecast at the
 * last day's rate.
 */
public record BudgetLedger(long bad, double consumed, double remaining, List<Line> causes, List<Line> byRegion, List<Line> byStep,
                           Duration withData, Duration window, double lastDay, double forecast, String sentence) {

    /** An hour whose error rate is at least this many times the budget's is an incident hour. */
    public static final double INCIDENT_BURN = 6;
    public static final String INCIDENTS = "incidents";
    public static final String SLOW_RUNS = "slow runs";
    public static final String OTHER_FAILURES = "other failures";
    public static final String RELEASE = "release ";
    /** In the step breakdown: slow runs (no step failed), and failures the store listed no step for. */
    public static final String SLOW_STEP = "(slow runs)";
    public static final String UNLISTED_STEP = "(not listed)";

    /** One minute of one region: {@code start} is where the minute begins (it holds events after it, up to a minute later). */
    public record Minute(Instant start, String region, long good, long failed, long slow) {
        long bad() {
            return failed + slow;
        }
    }

    /** A failed run with the step that failed. */
    public record FailedRun(Instant at, String region, String step) {
    }

    /** A share of the budget: {@code bad} events of it. */
    public record Line(String name, long bad, double share) {
    }

    /**
     * @param budgetEvents the events the budget is a share of ({@code errorBudget} of them may be bad)
     * @param failures     failed runs in the window as listed (possibly fewer than counted)
     */
    public static BudgetLedger of(List<Minute> minutes, List<Deploy> deploys, List<FailedRun> failures, long budgetEvents,
                                  double errorBudget, Duration window, Instant now) {
        double budget = Math.max(1e-9, budgetEvents * errorBudget);
        Map<Long, long[]> hours = new HashMap<>();
        for (Minute minute : minutes) {
            long[] hour = hours.computeIfAbsent(Math.floorDiv(minute.start().getEpochSecond(), 3600), key -> new long[2]);
            hour[0] += minute.good() + minute.bad();
            hour[1] += minute.bad();
        }
        Map<String, Long> causes = new LinkedHashMap<>();
        Map<String, Long> regions = new LinkedHashMap<>();
        long bad = 0;
        long failed = 0;
        long slow = 0;
        long lastDay = 0;
        for (Minute minute : minutes.stream().sorted(Comparator.comparing(Minute::start)).toList()) {
            if (minute.bad() == 0) {
                continue;
            }
            bad += minute.bad();
            failed += minute.failed();
            slow += minute.slow();
            regions.merge(minute.region(), minute.bad(), Long::sum);
            if (minute.start().isAfter(now.minus(Duration.ofDays(1)).minusSeconds(60))) {
                lastDay += minute.bad();
            }
            String release = releaseOf(minute.start(), deploys);
            long[] hour = hours.get(Math.floorDiv(minute.start().getEpochSecond(), 3600));
            if (release != null) {
                causes.merge(RELEASE + release, minute.bad(), Long::sum);
            } else if ((double) hour[1] / hour[0] >= INCIDENT_BURN * errorBudget) {
                causes.merge(INCIDENTS, minute.bad(), Long::sum);
            } else {
                causes.merge(SLOW_RUNS, minute.slow(), Long::sum);
                causes.merge(OTHER_FAILURES, minute.failed(), Long::sum);
            }
        }
        Instant first = minutes.stream().map(Minute::start).min(Instant::compareTo).orElse(now);
        Duration withData = Duration.between(first, now).compareTo(window) > 0 ? window : Duration.between(first, now);
        double consumed = bad / budget;
        double perDay = lastDay / budget;
        Duration left = window.minus(withData);
        double forecast = left.isZero() ? perDay * window.toDays() : consumed + perDay * left.toSeconds() / 86_400.0;
        return new BudgetLedger(bad, consumed, 1 - consumed, lines(causes, budget), lines(regions, budget),
                lines(steps(failures, failed, slow), budget), withData, window, perDay, forecast,
                sentence(consumed, withData, window, perDay, forecast));
    }

    /** The version of the latest deploy whose first hour holds {@code minute}, or null. */
    private static String releaseOf(Instant minute, List<Deploy> deploys) {
        String version = null;
        for (Deploy deploy : deploys) {
            Instant start = Instant.ofEpochSecond(Math.floorDiv(deploy.at().getEpochSecond(), 60) * 60);
            if (!minute.isBefore(start) && minute.isBefore(start.plus(DeployImpact.HOUR))) {
                version = deploy.version();
            }
        }
        return version;
    }

    /** Failures by step, the earliest listed first up to the failures counted; the rest not listed; slow runs apart. */
    private static Map<String, Long> steps(List<FailedRun> failures, long failed, long slow) {
        Map<String, Long> steps = new LinkedHashMap<>();
        long listed = 0;
        for (FailedRun run : failures.stream().sorted(Comparator.comparing(FailedRun::at)).toList()) {
            if (listed == failed) {
                break;
            }
            steps.merge(run.step(), 1L, Long::sum);
            listed++;
        }
        steps.merge(UNLISTED_STEP, failed - listed, Long::sum);
        steps.merge(SLOW_STEP, slow, Long::sum);
        return steps;
    }

    /** Largest first, none of zero. */
    private static List<Line> lines(Map<String, Long> bad, double budget) {
        List<Line> lines = new ArrayList<>();
        bad.forEach((name, count) -> {
            if (count > 0) {
                lines.add(new Line(name, count, count / budget));
            }
        });
        lines.sort(Comparator.comparingLong(Line::bad).reversed().thenComparing(Line::name));
        return lines;
    }

    private static String sentence(double consumed, Duration withData, Duration window, double perDay, double forecast) {
        String spent = Percentages.of(consumed) + " of the " + window.toDays() + "-day budget consumed";
        String span = withData.compareTo(window) < 0 ? " in the first " + days(withData) + " of the window" : " over the window";
        String at = "; at the last day's rate (" + Percentages.of(perDay) + " a day) "
                + (withData.compareTo(window) < 0 ? "the window ends at " : "a whole window would consume ") + Percentages.of(forecast);
        return spent + span + at + ".";
    }

    private static String days(Duration span) {
        long days = span.toDays();
        return days >= 1 ? days + (days == 1 ? " day" : " days") : span.toHours() + (span.toHours() == 1 ? " hour" : " hours");
    }
}
