package org.probefleet.coordinator.rum;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.coordinator.config.PrometheusConfig;
import org.probefleet.coordinator.config.RumConfig;
import org.probefleet.coordinator.slo.Divergence;
import org.probefleet.coordinator.slo.ScopeResult;

/** {@code /rum.js} and {@code POST /api/v1/rum} on a real coordinator: CORS by origin, strict bodies, rate limits, counts. */
class RumEndpointTest {

    static final String SHOP = "http://127.0.0.1:18081";
    static final String RUM_SLO = "slo:\n  name: checkout-real-users\n  owner: payments-team\n  indicator: { type: rum, journey: checkout }\n"
            + "  target: 0.98\n  window: 30d\n";
    /** A page id in every sample: its first 8 hex digits read as a fraction of 2^32 are 0. */
    static final String PAGE = "00000000abcdef01";

    @TempDir
    Path folder;
    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = HttpClient.newHttpClient();
    private CoordinatorServer coordinator;

    @AfterEach
    void close() throws Exception {
        coordinator.close().await(30, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    /** The example definitions plus a rum SLO of checkout, in a folder of their own. */
    static Path definitions(Path folder) throws Exception {
        Path definitions = Files.createDirectories(folder.resolve("definitions"));
        try (var examples = Files.list(Path.of("../journeys/examples"))) {
            for (Path file : examples.toList()) {
                Files.copy(file, definitions.resolve(file.getFileName()));
            }
        }
        Files.writeString(definitions.resolve("checkout-real-users-slo.yaml"), RUM_SLO);
        return definitions;
    }

    static final String AGENT_TOKEN = "us-east-1-token-0123456789abcdef";

    private String start(RumConfig rum) throws Exception {
        CoordinatorConfig config = new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("store.db"), definitions(folder),
                List.of(new CoordinatorConfig.Agent("us-east-1", "us-east", AGENT_TOKEN)),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofDays(35), Duration.ofSeconds(30),
                folder.resolve("data"), 1 << 20, AlertingConfig.NONE, Optional.empty(), PrometheusConfig.NONE, rum);
        coordinator = CoordinatorServer.start(vertx, config, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
        return "http://127.0.0.1:" + coordinator.port();
    }

    private HttpResponse<String> post(String url, String origin, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String beacon(String event) {
        return "{\"journey\":\"checkout\",\"event\":\"" + event + "\",\"page\":\"" + PAGE + "\"}";
    }

    @Test
    @DisplayName("the script is under 2 KB gzipped and has the start, complete and unload parts")
    void scriptIsSmall() throws Exception {
        String base = start(RumConfig.NONE);
        HttpResponse<String> script = client.send(HttpRequest.newBuilder(URI.create(base + "/rum.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(script.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(gzipped.size()).isLessThan(2048);
        assertThat(script.body()).contains("probefleet", "pagehide", "sendBeacon").doesNotContain("document.cookie", "localStorage");
    }

    @Test
    @DisplayName("a listed origin gets CORS and its completions and failures count; another origin, an unknown key or a bad body is refused")
    void corsAndCounts() throws Exception {
        String base = start(new RumConfig(List.of(new RumConfig.Site("shop-key", List.of(SHOP), 1.0)), 100, 1000));
        String url = base + "/api/v1/rum?site=shop-key";

        HttpResponse<String> preflight = client.send(HttpRequest.newBuilder(URI.create(url)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", SHOP).header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> completed = post(url, SHOP, "application/json", beacon("complete"));
        HttpResponse<String> failed = post(url, SHOP, "text/plain;charset=UTF-8", beacon("fail"));
        HttpResponse<String> stranger = post(url, "https://evil.example", "application/json", beacon("complete"));
        HttpResponse<String> noOrigin = post(url, null, "application/json", beacon("complete"));
        HttpResponse<String> unknownKey = post(base + "/api/v1/rum?site=other", SHOP, "application/json", beacon("complete"));
        HttpResponse<String> extraField = post(url, SHOP, "application/json",
                "{\"journey\":\"checkout\",\"event\":\"complete\",\"page\":\"" + PAGE + "\",\"email\":\"a@b.example\"}");
        HttpResponse<String> tooLarge = post(url, SHOP, "application/json", "{\"journey\":\"" + "x".repeat(2000) + "\"}");

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(completed.body()).isEqualTo("{\"sampled\":true,\"counted\":true}");
        assertThat(completed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(noOrigin.statusCode()).isEqualTo(403);
        assertThat(unknownKey.statusCode()).isEqualTo(403);
        assertThat(extraField.statusCode()).isEqualTo(400);
        assertThat(extraField.body()).contains("unknown field 'email': a beacon has only journey, event and page");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ScopeResult global = coordinator.slos().snapshots().get("checkout-real-users").global();
            assertThat(global.sloWindow().total()).isEqualTo(2);
            assertThat(global.sli()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        });
    }

    @Test
    @DisplayName("probes passing while real users fail shows both completions side by side and the silent-failure notice")
    void divergence() throws Exception {
        String base = start(new RumConfig(List.of(new RumConfig.Site("shop-key", List.of(SHOP), 1.0)), 100, 1000));
        com.fasterxml.jackson.databind.node.ArrayNode batch = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < Divergence.MIN_EVENTS; i++) {
            batch.add(org.probefleet.wire.outcome.OutcomeJson.write(new org.probefleet.wire.outcome.Outcome(java.util.UUID.randomUUID(),
                    "checkout", "1", "us-east", "us-east-1", java.time.Instant.now().minusSeconds(30 + i), 900,
                    org.probefleet.wire.outcome.OutcomeStatus.SUCCESS, 1, Optional.empty(), Optional.empty(), List.of(), java.util.Map.of())));
        }
        HttpResponse<String> probes = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes"))
                .header("Authorization", "Bearer " + AGENT_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(), HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < Divergence.MIN_EVENTS; i++) {
            post(base + "/api/v1/rum?site=shop-key", SHOP, "application/json", beacon("fail"));
        }

        assertThat(probes.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "/slos/checkout-real-users")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("Probes and real users, last hour", "Synthetic (probes)</td><td>100%</td><td>20</td>",
                    "Real users (beacons)</td><td>0%</td><td>20</td>",
                    "Real users fail where probes pass: the probes miss what users hit (a silent failure).");
        });
        String journeyPage = client.send(HttpRequest.newBuilder(URI.create(base + "/slos/checkout-journey-success")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(journeyPage).contains("Real users fail where probes pass");
    }

    @Test
    @DisplayName("past a site's rate limit beacons get 429 and are not counted")
    void rateLimited() throws Exception {
        String base = start(new RumConfig(List.of(new RumConfig.Site("shop-key", List.of(SHOP), 1.0)), 20, 1000));
        String url = base + "/api/v1/rum?site=shop-key";

        List<Integer> statuses = IntStream.range(0, 100).mapToObj(i -> {
            try {
                return post(url, SHOP, "application/json", beacon("complete")).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();

        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(status -> status == 200).count()).isBetween(20L, 40L);
    }
}
