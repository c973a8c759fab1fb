package org.probefleet.bench.coordinator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.coordinator.config.PrometheusConfig;
import org.probefleet.coordinator.config.RumConfig;

/**
 * {@code fleet bench rum}: probe outcomes ingested at a steady rate, first alone, then while a
 * flood of real-user beacons is offered from one site's origin; prints the beacons accepted and
 * refused (429) and the outcome batches' latency in both runs, from the same coordinator. The
 * flood comes from the same JVM on the same cores; what its client could not send in time (its
 * queue full) is counted apart as not sent.
 */
public final class RumBench {

    static final String ORIGIN = "https://shop.example";
    private static final String BEACON = "{\"journey\":\"checkout\",\"event\":\"complete\",\"page\":\"00000000abcdef01\"}";

    /** One run: outcome batch latency, and what the beacons got (all zero without a flood). */
    record Run(String name, double p50Ms, double p99Ms, long batches, long accepted, long refused, long other, double seconds) {
    }

    private final int beaconRate;
    private final int outcomeRate;
    private final Duration measure;

    public RumBench(int beaconRate, int outcomeRate, Duration measure) {
        this.beaconRate = beaconRate;
        this.outcomeRate = outcomeRate;
        this.measure = measure;
    }

    public void run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("probefleet-bench-rum");
        Path definitions = Files.createDirectories(folder.resolve("definitions"));
        try (var examples = Files.list(Path.of("journeys/examples"))) {
            for (Path file : examples.toList()) {
                Files.copy(file, definitions.resolve(file.getFileName()));
            }
        }
        Files.writeString(definitions.resolve("checkout-real-users-slo.yaml"),
                "slo:\n  name: checkout-real-users\n  owner: payments-team\n  indicator: { type: rum, journey: checkout }\n  target: 0.98\n");
        RumConfig rum = new RumConfig(List.of(new RumConfig.Site("bench-key", List.of(ORIGIN), 1.0)),
                RumConfig.DEFAULT_RATE_LIMIT_PER_SECOND, RumConfig.DEFAULT_GLOBAL_RATE_LIMIT_PER_SECOND);
        Vertx vertx = Vertx.vertx();
        try {
            CoordinatorConfig config = new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("bench.db"), definitions,
                    List.of(new CoordinatorConfig.Agent("bench-1", "eu-west", IngestBench.TOKEN)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(15), Duration.ofDays(35), Duration.ofSeconds(30), folder.resolve("data"), 1 << 20,
                    AlertingConfig.NONE, Optional.empty(), PrometheusConfig.NONE, rum);
            CoordinatorServer coordinator = CoordinatorServer.start(vertx, config, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
            out.printf("rum benchmark: %,d outcomes/s in batches of %d, %ds per run; beacons offered at %,d/s against limits of %d/s"
                            + " per site and %d/s overall; %d cores%n", outcomeRate, IngestBench.BATCH, measure.toSeconds(), beaconRate,
                    rum.rateLimitPerSecond(), rum.globalRateLimitPerSecond(), Runtime.getRuntime().availableProcessors());
            out.flush();
            ingest(coordinator.port(), Duration.ofSeconds(3), null);
            Run quiet = ingest(coordinator.port(), measure, null);
            Run flooded = ingest(coordinator.port(), measure, vertx);
            out.printf("%-22s %10s %10s %9s %14s %14s %8s%n", "run", "p50 ms", "p99 ms", "batches", "beacons 200/s", "beacons 429/s", "not sent");
            for (Run run : List.of(quiet, flooded)) {
                out.printf("%-22s %10.1f %10.1f %9d %14.0f %14.0f %8d%n", run.name(), run.p50Ms(), run.p99Ms(), run.batches(),
                        run.accepted() / run.seconds(), run.refused() / run.seconds(), run.other());
            }
            out.flush();
            coordinator.close().await(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Posts a batch of outcomes on a fixed schedule for {@code length}, latency counted from when
     * each was due; with {@code flood} a Vert.x client offers beacons at the set rate meanwhile.
     */
    private Run ingest(int port, Duration length, Vertx flood) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/outcomes");
        long interval = (long) (1e9 * IngestBench.BATCH / outcomeRate);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong other = new AtomicLong();
        HttpClient beacons = flood == null ? null : flood.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setPipelining(true).setPipeliningLimit(64), new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(20_000));
        long timer = flood == null ? -1 : flood.setPeriodic(10, id -> {
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
                    .setURI("/api/v1/rum?site=bench-key").putHeader("Origin", ORIGIN).putHeader("Content-Type", "application/json");
            for (int i = 0; i < beaconRate / 100; i++) {
                beacons.request(request).compose(sent -> sent.send(BEACON)).onComplete(answer -> {
                    int status = answer.succeeded() ? answer.result().statusCode() : -1;
                    (status == 200 ? accepted : status == 429 ? refused : other).incrementAndGet();
                });
            }
        });
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (long due = start; due < end; due += interval) {
            String body = IngestBench.batch();
            LockSupport.parkNanos(due - System.nanoTime());
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + IngestBench.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the coordinator answered " + response.statusCode() + " to a batch of outcomes");
            }
            latencies.add(System.nanoTime() - due);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (flood != null) {
            flood.cancelTimer(timer);
            beacons.close().await(10, TimeUnit.SECONDS);
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        String name = flood == null ? "outcomes alone" : String.format(java.util.Locale.ROOT, "with %,d beacons/s", beaconRate);
        return new Run(name, IngestBench.percentile(sorted, 0.5), IngestBench.percentile(sorted, 0.99), sorted.length, accepted.get(),
                refused.get(), other.get(), seconds);
    }
}
