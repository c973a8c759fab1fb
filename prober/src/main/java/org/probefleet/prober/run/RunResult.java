package org.probefleet.prober.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;

/**
 * One attempt at a journey: how it ended, each step's timing, and for a failure the failing
 * step, what it expected and the error in one line (secrets already masked). Artifacts are
 * local files (screenshot, trace) until they are uploaded.
 */
public record RunResult(Instant startedAt, long durationMs, OutcomeStatus status, List<StepResult> steps,
                        Optional<String> failedStep, Optional<String> expectation, Optional<String> error,
                        Map<String, Path> artifacts) {

    public RunResult {
        steps = List.copyOf(steps);
        artifacts = Map.copyOf(artifacts);
    }

    public boolean succeeded() {
        return status == OutcomeStatus.SUCCESS;
    }

    public RunResult withArtifacts(Map<String, Path> kept) {
        return new RunResult(startedAt, durationMs, status, steps, failedStep, expectation, error, kept);
    }
}
