package org.probefleet.prober.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.wire.client.Backoff;
import org.probefleet.prober.Shop;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.run.Secrets;

/** A prober agent with a token, its journeys assigned by a real coordinator, reports into it end to end. */
class ProberEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String TOKEN = "eu-west-1-token-0123456789abcdef";
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    @DisplayName("the agent takes its assignments, runs browser and HTTP journeys and its outcomes reach the coordinator")
    void reportsIntoCoordinator(@TempDir Path folder) throws Exception {
        try (Shop shop = new Shop()) {
            Path definitions = Files.createDirectories(folder.resolve("definitions"));
            Files.writeString(definitions.resolve("api.yaml"), """
                    journey: catalog-api
                    schedule: { every: 2s, spread: 1s }
                    base_url: %s
                    kind: http
                    steps:
                      - request: { path: /api/products }
                        expect: { status: 200, json_path: ["$.products[0].id"] }
                    """.formatted(shop.url()));
            Files.writeString(definitions.resolve("home.yaml"), """
                    journey: home
                    schedule: { every: 3s, spread: 1s }
                    base_url: %s
                    steps:
                      - goto: /
                      - expect: { text: Deal of the day }
                    """.formatted(shop.url()));
            Files.writeString(definitions.resolve("api-slo.yaml"), "slo:\n  name: api\n  indicator: { journey: catalog-api }\n  target: 0.99\n");
            Vertx vertx = Vertx.vertx();
            CoordinatorConfig config = new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("store.db"), definitions,
                    List.of(new CoordinatorConfig.Agent("eu-west-1", "eu-west", TOKEN)), Optional.empty(), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(1), Duration.ofDays(35), Duration.ofSeconds(30), folder.resolve("data"), 1 << 24, AlertingConfig.NONE);
            CoordinatorServer coordinator = CoordinatorServer.start(vertx, config, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
            String base = "http://127.0.0.1:" + coordinator.port();
            try {
                ProberAgent.Settings settings = new ProberAgent.Settings("eu-west", Optional.empty(), URI.create(base + "/"), TOKEN,
                        Optional.empty(), folder.resolve("agent"), "127.0.0.1", 0, 1, 2, BrowserSettings.defaults(Optional.empty()),
                        Secrets.fromEnvironment(), Duration.ofSeconds(1), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
                try (ProberAgent agent = ProberAgent.start(settings, Clock.systemUTC())) {
                    assertThat(agent.name()).isEqualTo("eu-west-1");
                    Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                        assertThat(outcomes(base, "catalog-api")).hasSizeGreaterThanOrEqualTo(3);
                        assertThat(outcomes(base, "home")).hasSizeGreaterThanOrEqualTo(2);
                    });
                    JsonNode one = outcomes(base, "home").get(0);
                    assertThat(one.get("status").asText()).isEqualTo("success");
                    assertThat(one.get("agent").asText()).isEqualTo("eu-west-1");
                    assertThat(one.get("steps")).hasSize(2);
                    assertThat(UUID.fromString(one.get("runId").asText()).version()).as("time-ordered run ids").isEqualTo(7);
                    JsonNode reported = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/agents"))
                            .build(), HttpResponse.BodyHandlers.ofString()).body()).get("agents").get(0);
                    assertThat(reported.get("agent").asText()).isEqualTo("eu-west-1");
                    assertThat(reported.has("schedule_lag_ms") && reported.has("missed_runs")).isTrue();
                    String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.metricsPort() + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    assertThat(metrics).contains("probefleet_journey_runs_total{journey=\"catalog-api\",region=\"eu-west\",status=\"success\"}",
                            "probefleet_outbox_pending", "probefleet_schedule_lag_seconds");
                }
                coordinator.slos().evaluate();
                JsonNode slo = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/slos/api")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                assertThat(slo.get("sli").asDouble()).isEqualTo(1.0);
            } finally {
                coordinator.close().await(30, TimeUnit.SECONDS);
                vertx.close().await(30, TimeUnit.SECONDS);
            }
        }
    }

    private List<JsonNode> outcomes(String base, String journey) throws Exception {
        String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes?journey=" + journey)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<JsonNode> list = new java.util.ArrayList<>();
        JSON.readTree(body).get("outcomes").forEach(list::add);
        return list;
    }
}
