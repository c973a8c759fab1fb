package org.probefleet.bench.coordinator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunIds;

/**
 * {@code fleet bench ingest}: durable ingest over loopback in batches of 100, side by side with a
 * no-op Vert.x endpoint that reads the same bodies and answers at once, in the same run.
 */
public final class IngestBench {

    static final String TOKEN = "bench-agent-token-0123456789abcdef";
    public static final int BATCH = 100;
    private static final Template SUCCESS = Template.of(OutcomeStatus.SUCCESS);
    private static final Template FAILURE = Template.of(OutcomeStatus.FAILURE);

    /** An outcome's JSON cut around its run id and start time, so batches are filled in without rendering JSON. */
    private record Template(String beforeRunId, String beforeStartedAt, String rest) {
        static Template of(OutcomeStatus status) {
            String runId = new UUID(0, 0).toString();
            String startedAt = Instant.EPOCH.toString();
            String json = OutcomeJson.write(new Outcome(UUID.fromString(runId), "checkout", "1", "eu-west", "bench-1", Instant.EPOCH, 812,
                    status, 1, Optional.empty(), Optional.empty(), List.of(), Map.of())).toString();
            int run = json.indexOf(runId);
            int started = json.indexOf(startedAt);
            return new Template(json.substring(0, run), json.substring(run + runId.length(), started),
                    json.substring(started + startedAt.length()));
        }

        void appendTo(StringBuilder out, UUID runId, String startedAt) {
            out.append(beforeRunId).append(runId).append(beforeStartedAt).append(startedAt).append(rest);
        }
    }

    /** One measured target: outcomes per second and batch latency percentiles. */
    record Result(String target, long batches, double seconds, double p50Ms, double p99Ms) {
        double outcomesPerSecond() {
            return batches * BATCH / seconds;
        }
    }

    private final int senders;
    private final Duration warmup;
    private final Duration measure;
    private final int rate;

    /** @param rate the offered load, in outcomes per second, of the paced run that measures latency at a steady rate */
    public IngestBench(int senders, Duration warmup, Duration measure, int rate) {
        this.senders = senders;
        this.warmup = warmup;
        this.measure = measure;
        this.rate = rate;
    }

    public void run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("probefleet-bench");
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer noop = vertx.createHttpServer().requestHandler(noopRouter(vertx)).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
            CoordinatorConfig config = new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("bench.db"),
                    Path.of("journeys/examples"), List.of(new CoordinatorConfig.Agent("bench-1", "eu-west", TOKEN)), Optional.empty(),
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(15), Duration.ofDays(35), Duration.ofSeconds(30),
                    folder.resolve("data"), 1 << 20, AlertingConfig.NONE);
            CoordinatorServer coordinator = CoordinatorServer.start(vertx, config, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
            out.printf("ingest benchmark: %d senders, batches of %d outcomes, %ds warm-up, %ds measured per target; %d cores%n",
                    senders, BATCH, warmup.toSeconds(), measure.toSeconds(), Runtime.getRuntime().availableProcessors());
            out.flush();
            Result baseline = measure("no-op Vert.x endpoint", "http://127.0.0.1:" + noop.actualPort(), 0);
            Result ingest = measure("coordinator (SQLite, durable)", "http://127.0.0.1:" + coordinator.port(), 0);
            Result paced = measure(String.format(Locale.ROOT, "coordinator at %,d/s offered", rate), "http://127.0.0.1:" + coordinator.port(),
                    rate);
            out.printf("%-32s %14s %12s %10s %10s%n", "target", "outcomes/s", "batches/s", "p50 ms", "p99 ms");
            for (Result result : List.of(baseline, ingest, paced)) {
                out.printf("%-32s %14.0f %12.0f %10.1f %10.1f%n", result.target(), result.outcomesPerSecond(),
                        result.batches() / result.seconds(), result.p50Ms(), result.p99Ms());
            }
            out.printf("ratio coordinator / no-op: %.2f%n", ingest.outcomesPerSecond() / baseline.outcomesPerSecond());
            out.flush();
            coordinator.close().await(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static Router noopRouter(Vertx vertx) {
        Router router = Router.router(vertx);
        router.post("/api/v1/outcomes").handler(BodyHandler.create().setBodyLimit(1 << 20));
        router.post("/api/v1/outcomes").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end("{\"accepted\":" + BATCH + ",\"duplicates\":0}"));
        return router;
    }

    /**
     * Sends batches from every sender for the warm-up and the measured time. With {@code rate} 0
     * each sender posts its next batch as soon as the last is answered (the most the target takes);
     * otherwise the senders together offer {@code rate} outcomes a second on a fixed schedule, and a
     * batch's latency counts from when it was due, so a target falling behind shows in it.
     */
    private Result measure(String target, String base, int rate) throws InterruptedException {
        long interval = rate == 0 ? 0 : (long) (1e9 * senders * BATCH / rate);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(base + "/api/v1/outcomes");
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<Long>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            long offset = interval * i / senders;
            Thread thread = new Thread(() -> {
                long due = System.nanoTime() + offset;
                while (running.get()) {
                    String body = batch();
                    if (interval > 0) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    long start = interval > 0 ? due : System.nanoTime();
                    due += interval;
                    try {
                        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(target + " answered " + response.statusCode());
                        }
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(target + " failed: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (recording.get()) {
                        mine.add(System.nanoTime() - start);
                    }
                }
            }, "bench-sender");
            threads.add(thread);
            thread.start();
        }
        TimeUnit.MILLISECONDS.sleep(warmup.toMillis());
        recording.set(true);
        long start = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(measure.toMillis());
        recording.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        return new Result(target, all.length, seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** The quantile of nanosecond readings, in milliseconds; NaN for none. */
    public static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /**
     * A batch of fresh outcomes as agents make them (time-ordered run ids), filled into JSON
     * rendered once: the load generator shares the cores with the coordinator.
     */
    static String batch() {
        Instant started = Instant.now().minusSeconds(1);
        String startedText = started.toString();
        StringBuilder body = new StringBuilder(BATCH * 300).append('[');
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",");
            (i % 50 == 0 ? FAILURE : SUCCESS).appendTo(body, RunIds.next(started), startedText);
        }
        return body.append(']').toString();
    }

}
