package org.probefleet.bench.fleet;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.bench.soak.CoordinatorChild;
import org.probefleet.wire.client.CoordinatorClient;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunIds;

/**
 * The most outcomes a second the group acknowledges: senders post full batches back to back,
 * half of them to each member, while the simulated fleet keeps running.
 */
final class IngestPush {

    private static final int SENDERS_PER_MEMBER = 4;
    private static final int BATCH = 500;

    private final List<CoordinatorChild> group;
    private final List<CoordinatorChild.Identity> identities;
    private final List<String> journeys;

    IngestPush(List<CoordinatorChild> group, List<CoordinatorChild.Identity> identities, List<String> journeys) {
        this.group = group;
        this.identities = identities;
        this.journeys = journeys;
    }

    /** Outcomes a second acknowledged over {@code duration}. */
    double run(Duration duration) throws InterruptedException {
        AtomicLong acknowledged = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS_PER_MEMBER * group.size());
        long started = System.nanoTime();
        for (int i = 0; i < SENDERS_PER_MEMBER * group.size(); i++) {
            CoordinatorChild.Identity identity = identities.get(i);
            CoordinatorClient client = CoordinatorClient.create(List.of(URI.create(group.get(i % group.size()).base())), identity.token());
            senders.execute(() -> send(client, identity, end, acknowledged));
        }
        senders.shutdown();
        senders.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return acknowledged.get() / ((System.nanoTime() - started) / 1e9);
    }

    private void send(CoordinatorClient client, CoordinatorChild.Identity identity, long end, AtomicLong acknowledged) {
        int next = 0;
        while (System.nanoTime() < end) {
            Instant now = Instant.now().minusSeconds(1);
            List<Outcome> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++) {
                String journey = journeys.get(next++ % journeys.size());
                batch.add(new Outcome(RunIds.next(now), journey, "1", identity.region(), identity.name(), now, 120, OutcomeStatus.SUCCESS, 1,
                        Optional.empty(), Optional.empty(), List.of(), Map.of()));
            }
            try {
                if (client.postOutcomes(batch).status() == 200) {
                    acknowledged.addAndGet(batch.size());
                }
            } catch (IOException e) {
                // counted as nothing taken
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
