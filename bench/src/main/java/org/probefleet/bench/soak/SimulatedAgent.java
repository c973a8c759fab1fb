package org.probefleet.bench.soak;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.probefleet.wire.client.CoordinatorClient;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunIds;

/**
 * One agent as the coordinator sees it: a batch of outcomes every interval over real HTTP, and a
 * batch that was not acknowledged (an error answer, a refused connection) is sent again, whole,
 * at the next tick, as an agent's outbox does.
 */
final class SimulatedAgent implements Runnable {

    private final CoordinatorChild.Identity identity;
    private final CoordinatorClient client;
    private final Duration every;
    private final Duration offset;
    private final int batchSize;
    private final SoakTally tally;
    private volatile boolean running = true;

    SimulatedAgent(CoordinatorChild.Identity identity, String base, Duration every, Duration offset, int batchSize, SoakTally tally) {
        this.identity = identity;
        this.client = CoordinatorClient.create(base, Optional.of(identity.token()));
        this.every = every;
        this.offset = offset;
        this.batchSize = batchSize;
        this.tally = tally;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<Outcome> pending = List.of();
        long due = System.nanoTime() + offset.toNanos();
        while (running) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            due += every.toNanos();
            if (pending.isEmpty()) {
                pending = batch();
            }
            if (post(pending)) {
                pending = List.of();
            }
        }
    }

    private boolean post(List<Outcome> batch) {
        List<UUID> runIds = batch.stream().map(Outcome::runId).toList();
        try {
            CoordinatorClient.Response response = client.postOutcomes(batch);
            tally.answer(Integer.toString(response.status()), System.nanoTime(), runIds);
            return response.status() == 200;
        } catch (IOException e) {
            tally.answer("no connection", System.nanoTime(), runIds);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    private List<Outcome> batch() {
        Instant started = Instant.now().minusSeconds(2);
        List<Outcome> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            OutcomeStatus status = i % 50 == 49 ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS;
            batch.add(new Outcome(RunIds.next(started), "checkout", "1", identity.region(), identity.name(), started, 850, status, 1,
                    Optional.empty(), Optional.empty(), List.of(), Map.of()));
        }
        return batch;
    }
}
