package org.probefleet.prober.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.wire.api.Messages;
import org.probefleet.wire.client.Backoff;
import org.probefleet.wire.client.CoordinatorClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to {@code POST /api/v1/outcomes} in batches. 2xx removes a batch; 5xx, 429
 * and network errors retry with backoff and jitter; any other 4xx moves the batch to the
 * dead-letter file with the reason, so one bad batch never blocks the rest. Failure artifacts
 * named by a batch are uploaded before it.
 */
public final class Reporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reporter.class);
    public static final int BATCH = 100;

    private final Outbox outbox;
    private final CoordinatorClient client;
    private final Path artifactDir;
    private final Backoff backoff;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public Reporter(Outbox outbox, URI coordinator, String token, Path artifactDir, Backoff backoff) {
        this(outbox, List.of(coordinator), token, artifactDir, backoff);
    }

    /** Delivers to the coordinators of a group: to the one that answers, the outbox kept while none does. */
    public Reporter(Outbox outbox, List<URI> coordinators, String token, Path artifactDir, Backoff backoff) {
        this.outbox = outbox;
        this.client = CoordinatorClient.create(coordinators, token);
        this.artifactDir = artifactDir;
        this.backoff = backoff;
        this.thread = new Thread(this::loop, "reporter");
        thread.setDaemon(true);
    }

    public Reporter start() {
        thread.start();
        return this;
    }

    public long delivered() {
        return delivered.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                List<Outbox.Entry> batch = outbox.peek(BATCH);
                if (batch.isEmpty()) {
                    outbox.awaitPending(1000);
                    continue;
                }
                if (deliver(batch)) {
                    failures = 0;
                } else {
                    failures++;
                    Duration delay = backoff.delay(failures, ThreadLocalRandom.current());
                    synchronized (this) {
                        if (running) {
                            wait(delay.toMillis());
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("delivering outcomes failed; retrying", e);
                failures++;
            }
        }
    }

    /** Sends one batch; true when it is settled (delivered or dead-lettered), false to retry later. */
    boolean deliver(List<Outbox.Entry> batch) throws InterruptedException {
        try {
            for (Outbox.Entry entry : batch) {
                for (String artifact : entry.outcome().artifacts().values()) {
                    if (!upload(artifact)) {
                        return false;
                    }
                }
            }
            CoordinatorClient.Response response = client.postOutcomes(batch.stream().map(Outbox.Entry::outcome).toList());
            int status = response.status();
            if (response.ok()) {
                outbox.acknowledge(batch);
                delivered.addAndGet(batch.size());
                logAnswer(response, batch.size());
                return true;
            }
            if (status == 429 || status >= 500) {
                LOG.warn("coordinator answered {} to a batch of {}; will retry", status, batch.size());
                return false;
            }
            String reason = "HTTP " + status + ": " + response.body().substring(0, Math.min(500, response.body().length()));
            LOG.error("coordinator refused a batch of {} for good ({}); moved to the dead-letter file", batch.size(), reason);
            outbox.deadLetter(batch, reason);
            deadLettered.addAndGet(batch.size());
            return true;
        } catch (IOException e) {
            LOG.debug("coordinator unreachable: {}", e.getMessage());
            return false;
        }
    }

    /** Duplicates mean an earlier delivery of the batch arrived although its answer did not: worth a line when debugging. */
    private static void logAnswer(CoordinatorClient.Response response, int sent) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        try {
            var answer = Messages.readIngestAnswer(response.body());
            LOG.debug("delivered {} outcomes: {} new, {} duplicates", sent, answer.accepted(), answer.duplicates());
        } catch (IOException e) {
            LOG.debug("delivered {} outcomes; the answer was not JSON", sent);
        }
    }

    private boolean upload(String artifact) throws IOException, InterruptedException {
        Path file = artifactDir.resolve(artifact);
        if (!Files.isRegularFile(file)) {
            return true;
        }
        CoordinatorClient.Response response = client.putArtifact(artifact, file);
        if (response.ok()) {
            Files.deleteIfExists(file);
            return true;
        }
        if (response.status() == 413 || (response.status() / 100 == 4 && response.status() != 429)) {
            LOG.warn("artifact {} refused ({}); the outcome is sent without it", artifact, response.status());
            Files.deleteIfExists(file);
            return true;
        }
        return false;
    }

    /**
     * After {@link #close}: tries once more to deliver everything pending within {@code within},
     * as an agent does on its way out; returns how many remain (they stay in the outbox for the next start).
     */
    public long flush(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (outbox.pending() > 0 && System.nanoTime() < deadline) {
            List<Outbox.Entry> batch = outbox.peek(BATCH);
            if (batch.isEmpty() || !deliver(batch)) {
                break;
            }
        }
        return outbox.pending();
    }

    /**
     * Stops delivering. A batch in flight is finished, not interrupted: an interrupt would close
     * the outbox's files mid-acknowledgement and the batch would be sent twice.
     */
    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(35_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
