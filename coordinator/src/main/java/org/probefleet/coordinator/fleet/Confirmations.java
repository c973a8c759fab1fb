package org.probefleet.coordinator.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunTrigger;

/**
 * Confirmation runs: when a journey's scheduled run fails after a pass, its other regions are
 * asked to run it at once (through their agents' next heartbeat), so an outage is confirmed, or
 * a blip cleared, within seconds rather than at the next scheduled runs. One round per journey
 * per schedule interval and only at the start of a failure streak, so an outage adds at most one
 * run per other region to the budget's count; a request not picked up within the interval lapses,
 * as the scheduled run has come by then.
 */
public final class Confirmations {

    private final Clock clock;
    /** The last scheduled status per journey and region. */
    private final Map<String, OutcomeStatus> lastStatus = new HashMap<>();
    private final Map<String, Instant> lastRound = new HashMap<>();
    /** Per region, the journeys to confirm and until when (then the scheduled run has come). */
    private final Map<String, Map<String, Instant>> pending = new HashMap<>();

    public Confirmations(Clock clock) {
        this.clock = clock;
    }

    /**
     * Notes a stored outcome; a failure after a pass asks the journey's other {@code regions} for a
     * confirmation run unless a round for it started less than {@code interval} ago.
     */
    public synchronized void observe(Outcome outcome, Collection<String> regions, Duration interval) {
        if (outcome.trigger() != RunTrigger.SCHEDULE || outcome.status() == OutcomeStatus.PROBER_ERROR) {
            return;
        }
        OutcomeStatus before = lastStatus.put(outcome.journey() + "\n" + outcome.region(), outcome.status());
        Instant now = clock.instant();
        Instant round = lastRound.get(outcome.journey());
        if (outcome.status() != OutcomeStatus.FAILURE || before == OutcomeStatus.FAILURE
                || round != null && round.plus(interval).isAfter(now)) {
            return;
        }
        lastRound.put(outcome.journey(), now);
        for (String region : regions) {
            if (!region.equals(outcome.region())) {
                pending.computeIfAbsent(region, key -> new LinkedHashMap<>()).put(outcome.journey(), now.plus(interval));
            }
        }
    }

    /** The confirmation runs for an agent of {@code region} that runs {@code assigned}, each handed out once. */
    public synchronized List<String> take(String region, Collection<String> assigned) {
        Map<String, Instant> asked = pending.computeIfAbsent(region, key -> new LinkedHashMap<>());
        Instant now = clock.instant();
        asked.values().removeIf(until -> !until.isAfter(now));
        List<String> due = new ArrayList<>();
        for (String journey : assigned) {
            if (asked.remove(journey) != null) {
                due.add(journey);
            }
        }
        return due;
    }
}
