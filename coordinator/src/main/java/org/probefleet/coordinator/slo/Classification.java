package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.Optional;
import org.probefleet.journeys.model.Mode;
import org.probefleet.wire.outcome.OutcomeStatus;

/** What one outcome means for an SLO. */
public enum Classification {
    GOOD, BAD, SLOW, PROBER_ERROR, SHADOW;

    /**
     * good = success within the latency threshold; bad = failure; slow = success over the threshold
     * (bad too). Prober errors feed fleet health only; shadow journeys never count.
     */
    public static Classification of(OutcomeStatus status, long durationMs, Optional<Duration> latencyThreshold, Mode mode) {
        if (mode == Mode.SHADOW) {
            return SHADOW;
        }
        return switch (status) {
            case PROBER_ERROR -> PROBER_ERROR;
            case FAILURE -> BAD;
            case SUCCESS -> latencyThreshold.filter(limit -> durationMs > limit.toMillis()).isPresent() ? SLOW : GOOD;
        };
    }

    public boolean countsAsBad() {
        return this == BAD || this == SLOW;
    }

    public boolean counts() {
        return this == GOOD || countsAsBad();
    }
}
