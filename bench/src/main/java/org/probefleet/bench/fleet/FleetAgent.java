package org.probefleet.bench.fleet;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.bench.soak.CoordinatorChild;
import org.probefleet.coordinator.ingest.BatchValidator;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.api.HeartbeatRequest;
import org.probefleet.wire.client.CoordinatorClient;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunIds;

/**
 * One simulated agent over real HTTP, as a prober talks to its coordinators: a heartbeat and an
 * assignments poll (with ETag, the definition files only while it has none of the version) every tick, and each tick the outcomes of the assigned journeys
 * whose minute slot falls in it, so every journey yields one outcome a minute. A batch that is
 * not acknowledged is kept and sent with the next one, as the outbox does.
 */
final class FleetAgent {

    /** Ticks a minute: the heartbeat every 10 s. */
    static final int TICKS_A_MINUTE = 6;

    private final CoordinatorChild.Identity identity;
    private final CoordinatorClient client;
    private final AtomicLong acknowledged;
    private volatile List<String> journeys = List.of();
    private Optional<String> etag = Optional.empty();
    /** The definitions version whose files this agent fetched: later polls leave them out, as an agent's do. */
    private Optional<String> held = Optional.empty();
    private List<Outcome> outbox = new ArrayList<>();
    private volatile boolean alive = true;
    private long tick;

    FleetAgent(CoordinatorChild.Identity identity, List<URI> coordinators, AtomicLong acknowledged) {
        this.identity = identity;
        this.client = CoordinatorClient.create(coordinators, identity.token());
        this.acknowledged = acknowledged;
    }

    CoordinatorChild.Identity identity() {
        return identity;
    }

    /** The journeys the coordinators last assigned this agent. */
    List<String> journeys() {
        return journeys;
    }

    boolean alive() {
        return alive;
    }

    /** Stops dead: no more heartbeats, polls or outcomes. */
    void die() {
        alive = false;
    }

    /** One tick: heartbeat, assignments, the outcomes due. Errors are the coordinators' to answer for; the next tick tries again. */
    void tick() {
        if (!alive) {
            return;
        }
        long slot = tick++ % TICKS_A_MINUTE;
        try {
            client.heartbeat(new HeartbeatRequest(Conventions.VERSION, 4, true, outbox.size(), 0, 0));
            client.assignments(identity.name(), etag, held).ifPresent(assigned -> {
                journeys = assigned.assignments().journeys();
                etag = assigned.etag();
                held = Optional.of(assigned.assignments().definitionsVersion());
            });
        } catch (IOException e) {
            // unreachable or refused: the outcomes still run and wait in the outbox
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant started = Instant.now().minusSeconds(2);
        for (String journey : journeys) {
            if (Math.floorMod(journey.hashCode(), TICKS_A_MINUTE) == slot) {
                // One run in a hundred fails, so the SLOs have something to count.
                OutcomeStatus status = Math.floorMod(journey.hashCode() + tick, 100) == 0 ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS;
                outbox.add(new Outcome(RunIds.next(started), journey, "1", identity.region(), identity.name(), started, 120, status, 1,
                        Optional.empty(), Optional.empty(), List.of(), Map.of()));
            }
        }
        post();
    }

    private void post() {
        if (outbox.isEmpty()) {
            return;
        }
        List<Outcome> batch = outbox.subList(0, Math.min(outbox.size(), BatchValidator.MAX_BATCH));
        try {
            if (client.postOutcomes(batch).status() == 200) {
                acknowledged.addAndGet(batch.size());
                outbox = new ArrayList<>(outbox.subList(batch.size(), outbox.size()));
            }
        } catch (IOException e) {
            // kept for the next tick
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
