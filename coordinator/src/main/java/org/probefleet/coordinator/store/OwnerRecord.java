package org.probefleet.coordinator.store;

import java.time.Instant;

/** The owner an SLO had from {@code at} on, as a definitions load recorded it; empty when it had none. */
public record OwnerRecord(Instant at, String slo, String owner) {
}
