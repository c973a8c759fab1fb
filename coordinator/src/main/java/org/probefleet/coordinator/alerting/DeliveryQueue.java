package org.probefleet.coordinator.alerting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.probefleet.wire.client.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts JSON bodies to one receiver in order: a trigger is never overtaken by its resolve. 429,
 * 5xx and network errors retry with backoff (up to {@link #MAX_ATTEMPTS}); any other 4xx is a
 * mistake of ours or of the configuration, logged and dropped. Runs on the alerting thread.
 */
final class DeliveryQueue {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryQueue.class);
    /** With the default backoff (1 s doubling to 5 min) about half an hour of trying. */
    static final int MAX_ATTEMPTS = 12;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Receiver receiver;
    private final URI url;
    private final HttpClient client;
    private final ScheduledExecutorService thread;
    private final Backoff backoff;
    private final BiConsumer<Receiver, DeliveryResult> results;
    private final Runnable settled;
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean sending;

    /**
     * @param receiver the kind of receiver, for logs and metrics; logs add the URL's host and port only, as webhook
     *                 paths hold secrets
     * @param results  told how every attempt ended
     * @param settled  told, on the alerting thread, each time a body was delivered or dropped
     */
    DeliveryQueue(Receiver receiver, URI url, HttpClient client, ScheduledExecutorService thread, Backoff backoff,
                  BiConsumer<Receiver, DeliveryResult> results, Runnable settled) {
        this.receiver = receiver;
        this.url = url;
        this.client = client;
        this.thread = thread;
        this.backoff = backoff;
        this.results = results;
        this.settled = settled;
    }

    URI url() {
        return url;
    }

    /** The bodies not yet delivered, the one being tried first; call on the alerting thread. */
    List<String> pending() {
        return List.copyOf(pending);
    }

    /** Queues a body; call on the alerting thread. */
    void offer(String body) {
        pending.addLast(body);
        if (!sending) {
            sending = true;
            attempt(1);
        }
    }

    private void attempt(int attempt) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(pending.peekFirst())).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> thread.execute(() -> settle(attempt, response, error)));
    }

    private void settle(int attempt, HttpResponse<String> response, Throwable error) {
        int status = response == null ? 0 : response.statusCode();
        if (status / 100 == 2) {
            results.accept(receiver, DeliveryResult.SENT);
            next();
            return;
        }
        boolean retryable = error != null || status == 429 || status >= 500;
        String why = error != null ? error.toString() : "HTTP " + status + " " + clip(response.body());
        if (retryable && attempt < MAX_ATTEMPTS) {
            Duration delay = backoff.delay(attempt, ThreadLocalRandom.current());
            LOG.warn("{} {}: delivery failed ({}); retry {} in {} ms", receiver.wireName(), url.getAuthority(), why, attempt, delay.toMillis());
            results.accept(receiver, DeliveryResult.RETRIED);
            thread.schedule(() -> attempt(attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        LOG.error("{} {}: notification dropped after {} attempt(s): {}", receiver.wireName(), url.getAuthority(), attempt, why);
        results.accept(receiver, DeliveryResult.DROPPED);
        next();
    }

    private void next() {
        pending.pollFirst();
        settled.run();
        if (pending.isEmpty()) {
            sending = false;
        } else {
            attempt(1);
        }
    }

    private static String clip(String body) {
        String line = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
