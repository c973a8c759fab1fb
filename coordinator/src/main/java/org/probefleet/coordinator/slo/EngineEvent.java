package org.probefleet.coordinator.slo;

import java.time.Instant;

/** What changed for an SLO at one evaluation: the engine's output to alerting, the dashboard and replay. */
public sealed interface EngineEvent {

    Instant at();

    String slo();

    /** An alert started firing; {@code snapshot} holds the numbers it is about. */
    record AlertFiring(Instant at, String slo, Alert alert, SloSnapshot snapshot) implements EngineEvent {
    }

    record AlertResolved(Instant at, String slo, Alert alert, SloSnapshot snapshot) implements EngineEvent {
    }

    /** The policy state changed, from the global consumed budget. */
    record StateChange(Instant at, String slo, String from, String to, double consumed) implements EngineEvent {
    }

    /** Consumed budget rose through the SLO's notification threshold (once per crossing). */
    record ThresholdCrossed(Instant at, String slo, double threshold, double consumed) implements EngineEvent {
    }
}
