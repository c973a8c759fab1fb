package org.probefleet.coordinator.alerting;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/** What most recent failures have in common: the step that failed and its error, and how many of them share it. */
public record Cause(String step, String error, int count, int failures) {

    /** Errors are clipped to this many characters in alerts: a pager shows one line. */
    static final int ERROR_CHARS = 160;

    /** The most common (step, error) among {@code outcomes}' failures; empty without any. */
    public static Optional<Cause> mostCommon(List<Outcome> outcomes) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        int failures = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.status() != OutcomeStatus.FAILURE) {
                continue;
            }
            failures++;
            counts.merge(List.of(outcome.failedStep().orElse("(no step)"), clip(outcome.error().orElse("no error message"))), 1, Integer::sum);
        }
        int total = failures;
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(entry -> new Cause(entry.getKey().get(0), entry.getKey().get(1), entry.getValue(), total));
    }

    /** "step 'pay' (12 of 14 failures): expected text 'Thank you' …". */
    public String describe() {
        return "step '" + step + "' (" + count + " of " + failures + " failures): " + error;
    }

    private static String clip(String error) {
        String line = error.strip().replaceAll("\\s+", " ");
        return line.length() <= ERROR_CHARS ? line : line.substring(0, ERROR_CHARS - 1) + "…";
    }
}
