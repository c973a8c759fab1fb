package org.probefleet.prober.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.RunIds;

/**
 * Runs a journey with its retries and turns the attempts into one outcome: a pass on a retry is
 * a success with {@code attempts > 1} (flaky, not hidden); every attempt is kept with its artifacts.
 * Retries record a trace ({@link Evidence#forRetry}): they are what explains a failed first attempt.
 */
public final class Attempts {

    /** The outcome to report and every attempt behind it, oldest first. */
    public record Report(Outcome outcome, List<RunResult> attempts) {
        public RunResult last() {
            return attempts.get(attempts.size() - 1);
        }
    }

    private Attempts() {
    }

    public static Report run(JourneyRunner runner, Journey journey, RunContext context, String journeyVersion) {
        List<RunResult> attempts = new ArrayList<>();
        RunResult result = runner.run(journey, context);
        attempts.add(result);
        while (Failures.retryable(result.status()) && attempts.size() <= journey.retries()) {
            result = runner.run(journey, context.withEvidence(context.evidence().forRetry()));
            attempts.add(result);
        }
        return new Report(outcome(journey, context, journeyVersion, attempts), attempts);
    }

    static Outcome outcome(Journey journey, RunContext context, String journeyVersion, List<RunResult> attempts) {
        RunResult last = attempts.get(attempts.size() - 1);
        Map<String, String> artifacts = new HashMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            String suffix = attempts.size() == 1 ? "" : "-attempt" + (i + 1);
            attempts.get(i).artifacts().forEach((kind, path) -> artifacts.put(kind + suffix, path.getFileName().toString()));
        }
        return new Outcome(RunIds.next(attempts.get(0).startedAt()), journey.id(), journeyVersion, context.region(), context.agent(),
                attempts.get(0).startedAt(), last.durationMs(), last.status(), attempts.size(), last.failedStep(),
                last.error(), last.steps(), artifacts);
    }
}
