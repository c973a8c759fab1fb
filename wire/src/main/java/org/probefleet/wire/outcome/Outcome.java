package org.probefleet.wire.outcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The result of one journey run, as agents report it. {@code runId} is the idempotency key;
 * {@code attempts} above 1 means the run passed (or failed) only after retries; artifacts map
 * a kind ({@code screenshot}, {@code trace}) to an artifact id. Errors are already masked.
 */
public record Outcome(UUID runId, String journey, String journeyVersion, String region, String agent,
                      Instant startedAt, long durationMs, OutcomeStatus status, int attempts,
                      Optional<String> failedStep, Optional<String> error, List<StepResult> steps,
                      Map<String, String> artifacts, RunTrigger trigger) {

    /** A scheduled run. */
    public Outcome(UUID runId, String journey, String journeyVersion, String region, String agent, Instant startedAt, long durationMs,
                   OutcomeStatus status, int attempts, Optional<String> failedStep, Optional<String> error, List<StepResult> steps,
                   Map<String, String> artifacts) {
        this(runId, journey, journeyVersion, region, agent, startedAt, durationMs, status, attempts, failedStep, error, steps, artifacts,
                RunTrigger.SCHEDULE);
    }

    public Outcome {
        steps = List.copyOf(steps);
        artifacts = Map.copyOf(artifacts);
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative, got " + durationMs);
        }
        java.util.Objects.requireNonNull(trigger, "trigger");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /** The same outcome with other artifacts: those an agent decided not to keep are left out. */
    public Outcome withArtifacts(Map<String, String> kept) {
        return new Outcome(runId, journey, journeyVersion, region, agent, startedAt, durationMs, status, attempts,
                failedStep, error, steps, kept, trigger);
    }

    /** The same outcome with another status: a failure while the agent's self-check fails is the agent's error. */
    public Outcome withStatus(OutcomeStatus newStatus) {
        return new Outcome(runId, journey, journeyVersion, region, agent, startedAt, durationMs, newStatus, attempts,
                failedStep, error, steps, artifacts, trigger);
    }

    /** The same outcome with another trigger. */
    public Outcome withTrigger(RunTrigger newTrigger) {
        return new Outcome(runId, journey, journeyVersion, region, agent, startedAt, durationMs, status, attempts,
                failedStep, error, steps, artifacts, newTrigger);
    }

    /** A run that passed only on a retry: it counts as success and toward the journey's flakiness. */
    public boolean flaky() {
        return status == OutcomeStatus.SUCCESS && attempts > 1;
    }
}
