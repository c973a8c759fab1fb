package org.probefleet.wire.outcome;

import java.util.Locale;
import java.util.Optional;

/**
 * How a run ended. {@code PROBER_ERROR} is the agent's own failure (browser crash, out of
 * memory, agent-side DNS): neither good nor bad for the target's SLO.
 */
public enum OutcomeStatus {
    SUCCESS, FAILURE, PROBER_ERROR;

    /** The name on the wire and in metric labels: {@code success}, {@code failure}, {@code prober_error}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutcomeStatus> fromWire(String text) {
        for (OutcomeStatus status : values()) {
            if (status.wireName().equals(text)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
