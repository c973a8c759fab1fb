package org.probefleet.wire.outcome;

/** One step of a run: its name, how long it took and how it ended. */
public record StepResult(String name, long durationMs, OutcomeStatus status) {

    public StepResult {
        if (durationMs < 0) {
            throw new IllegalArgumentException("step duration must not be negative, got " + durationMs);
        }
    }
}
