package org.probefleet.bench.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks /healthz twice a second and keeps the latency of every answer given while the coordinator
 * is meant to be up (from healthy after a start until the next kill); a failure in that time counts.
 */
final class HealthProbe implements Runnable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final long EVERY_MS = 500;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI healthz;
    private final List<Long> latencies = new ArrayList<>();
    private long failures;
    private volatile boolean up;
    private volatile boolean running = true;

    HealthProbe(String base) {
        this.healthz = URI.create(base + "/healthz");
    }

    void up(boolean up) {
        this.up = up;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            boolean meantUp = up;
            long start = System.nanoTime();
            boolean ok;
            try {
                ok = client.send(HttpRequest.newBuilder(healthz).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                ok = false;
            } catch (InterruptedException e) {
                return;
            }
            long took = System.nanoTime() - start;
            // A kill during the request is not the coordinator's failure.
            if (meantUp && up) {
                record(ok, took);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(Math.max(0, EVERY_MS - TimeUnit.NANOSECONDS.toMillis(took)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(boolean ok, long nanos) {
        if (ok) {
            latencies.add(nanos);
        } else {
            failures++;
        }
    }

    synchronized long[] sortedLatencies() {
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    synchronized long failures() {
        return failures;
    }
}
