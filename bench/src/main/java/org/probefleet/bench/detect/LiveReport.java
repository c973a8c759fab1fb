package org.probefleet.bench.detect;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The live detect benchmark's tables: one row a trial, then one a kind with the time to page
 * (median and max), pages and alerts. Passes when every trial did what its kind requires: a
 * full outage paged, a one-region outage did not, a blip raised nothing. The time-to-page
 * targets are reported, not enforced: they depend on the fleet's confirmation runs.
 */
public record LiveReport(List<TrialResult> results) {

    static final Duration MEDIAN_TARGET = Duration.ofSeconds(30);
    static final Duration MAX_TARGET = Duration.ofSeconds(60);

    public LiveReport {
        results = List.copyOf(results);
    }

    public boolean passed() {
        return results.stream().allMatch(TrialResult::asRequired);
    }

    /** The full outages' times to page, shortest first. */
    List<Duration> pageTimes() {
        return results.stream().filter(result -> result.trial().kind() == Trial.Kind.FULL_OUTAGE)
                .flatMap(result -> result.page().stream()).sorted(Comparator.naturalOrder()).toList();
    }

    /** The median as the modelled bench takes it (the upper middle of an even count), so the two compare. */
    static Optional<Duration> median(List<Duration> sorted) {
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() / 2));
    }

    static Optional<Duration> max(List<Duration> sorted) {
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1));
    }

    void print(PrintWriter out) {
        out.println("| trial | kind | region | chaos at | page after chaos | pages | alerts | raised | as required |");
        out.println("|---|---|---|---:|---:|---:|---:|---|:---:|");
        for (TrialResult result : results) {
            Trial trial = result.trial();
            out.printf("| %s | %s | %s | %d s | %s | %d | %d | %s | %s |%n", trial.key(), trial.kind().label, trial.region().orElse("all"),
                    trial.chaosAt().toSeconds(), result.page().map(LiveReport::seconds).orElse("none"), result.pages(), result.alerts(),
                    result.raised().isEmpty() ? "nothing" : String.join(", ", result.raised()), result.asRequired() ? "yes" : "NO");
        }
        out.println();
        out.println("| trial kind | count | median time to page | max time to page | pages | alerts | must | as required |");
        out.println("|---|---:|---:|---:|---:|---:|---|:---:|");
        for (Trial.Kind kind : Trial.Kind.values()) {
            List<TrialResult> ofKind = results.stream().filter(result -> result.trial().kind() == kind).toList();
            List<Duration> times = ofKind.stream().flatMap(result -> result.page().stream()).sorted().toList();
            out.printf("| %s | %d | %s | %s | %d | %d | %s | %d of %d |%n", kind.label, ofKind.size(),
                    median(times).map(LiveReport::seconds).orElse("-"), max(times).map(LiveReport::seconds).orElse("-"),
                    ofKind.stream().mapToInt(TrialResult::pages).sum(), ofKind.stream().mapToInt(TrialResult::alerts).sum(), kind.rule,
                    ofKind.stream().filter(TrialResult::asRequired).count(), ofKind.size());
        }
        List<Duration> times = pageTimes();
        boolean targetMet = median(times).filter(median -> median.compareTo(MEDIAN_TARGET) <= 0).isPresent()
                && max(times).filter(max -> max.compareTo(MAX_TARGET) <= 0).isPresent();
        out.printf("%ntarget (median <= %d s, max <= %d s): %s%n", MEDIAN_TARGET.toSeconds(), MAX_TARGET.toSeconds(), targetMet ? "met" : "not met");
        out.println(passed() ? "every trial as required" : "FAILED: a trial raised what it must not, or a full outage never paged");
        out.flush();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
