package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;

/** A coordinator on a free loopback port over a temporary SQLite store, with HTTP helpers. */
public final class TestCoordinator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String EU_TOKEN = "eu-west-1-token-0123456789abcdef";
    public static final String EU2_TOKEN = "eu-west-2-token-0123456789abcdef";
    public static final String US_TOKEN = "us-east-1-token-0123456789abcdef";
    public static final String AP_TOKEN = "ap-south-1-token-0123456789abcdef";
    static final String ADMIN_TOKEN = "admin-token-0123456789abcdef0123";
    static final String DEPLOY_TOKEN = "deploy-token-0123456789abcdef012";

    final Vertx vertx = Vertx.vertx();
    final CoordinatorServer server;
    final HttpClient client = HttpClient.newHttpClient();

    TestCoordinator(Path folder, Clock clock) throws Exception {
        this(folder, clock, "sqlite:" + folder.resolve("probefleet.db"));
    }

    TestCoordinator(Path folder, Clock clock, String store) throws Exception {
        this(folder, clock, store, AlertingConfig.NONE);
    }

    public TestCoordinator(Path folder, Clock clock, String store, AlertingConfig alerting) throws Exception {
        this(folder, clock, store, alerting, Optional.empty());
    }

    TestCoordinator(Path folder, Clock clock, String store, AlertingConfig alerting, Optional<String> readToken) throws Exception {
        this(folder, clock, store, alerting, readToken, Duration.ofSeconds(1));
    }

    TestCoordinator(Path folder, Clock clock, String store, AlertingConfig alerting, Optional<String> readToken,
                    Duration evaluationInterval) throws Exception {
        CoordinatorConfig config = new CoordinatorConfig(0, "127.0.0.1", store, Path.of("../journeys/examples"),
                List.of(new CoordinatorConfig.Agent("eu-west-1", "eu-west", EU_TOKEN),
                        new CoordinatorConfig.Agent("eu-west-2", "eu-west", EU2_TOKEN),
                        new CoordinatorConfig.Agent("us-east-1", "us-east", US_TOKEN),
                        new CoordinatorConfig.Agent("ap-south-1", "ap-south", AP_TOKEN)),
                Optional.of(ADMIN_TOKEN), readToken, Optional.empty(), evaluationInterval, Duration.ofDays(35),
                Duration.ofSeconds(30), folder.resolve("data"), 1024 * 1024, alerting, Optional.of(DEPLOY_TOKEN),
                org.probefleet.coordinator.config.PrometheusConfig.NONE, org.probefleet.coordinator.config.RumConfig.NONE);
        server = CoordinatorServer.start(vertx, config, clock).await(60, TimeUnit.SECONDS);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Stops at once without giving up the lead of a group, as a killed coordinator would: the others wait out its lease. */
    public void crash() throws Exception {
        server.abandon().await(30, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        server.close().await(30, TimeUnit.SECONDS);
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
