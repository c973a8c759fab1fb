package org.probefleet.prober.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Outcomes for outbox and reporter tests. */
final class Outcomes {

    private Outcomes() {
    }

    static Outcome one() {
        return new Outcome(UUID.randomUUID(), "checkout", "abc", "eu-west", "eu-west-1", Instant.parse("2026-11-28T12:00:00Z"),
                1234, OutcomeStatus.SUCCESS, 1, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }
}
