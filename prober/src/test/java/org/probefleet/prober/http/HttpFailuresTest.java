package org.probefleet.prober.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.run.Evidence;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.ScriptedRunner;
import org.probefleet.prober.run.Secrets;
import org.probefleet.wire.outcome.OutcomeStatus;

/** A failed HTTP step names what it expected and what it found: the network's error with host and port, or the status and the body. */
class HttpFailuresTest {

    static final String TOKEN = "tok-3c9a7f1e";
    static HttpServer server;

    /** Echoes the Authorization header in a 401, as careless APIs do; answers a long page at /long; never answers /hang. */
    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> answer(exchange, 401,
                "{\"error\": \"bad token\",\n  \"got\": \"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}"));
        server.createContext("/long", exchange -> answer(exchange, 200, "line ".repeat(100)));
        server.createContext("/hang", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "late");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static RunResult run(String base, String header, String steps) {
        Journey journey = DefinitionLoader.load(List.of(new SourceFile("api.yaml", "journey: api\nkind: http\n" + header + "steps:\n" + steps)))
                .definitions().journeys().get(0);
        Secrets secrets = new Secrets(name -> name.equals("API_TOKEN") ? TOKEN : null, Map.of());
        return new HttpRunner(ScriptedRunner.CLOCK).run(journey, new RunContext("eu-west", "eu-west-1", Optional.of(base), secrets,
                Path.of("unused"), Evidence.NONE));
    }

    static String local() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    @DisplayName("a request to a closed port fails with 'connection refused' and the host and port")
    void connectionRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        RunResult result = run("http://127.0.0.1:" + closed, "", "  - request: { path: /api/products }\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue("connection refused: 127.0.0.1:" + closed);
    }

    @Test
    @DisplayName("a request that gets no answer within the journey's timeout names the host and port")
    void noResponse() {
        RunResult result = run(local(), "timeout: 1s\n", "  - request: { path: /hang }\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue("no response within the journey's timeout: 127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    @DisplayName("a wrong status names the status and the start of the body, with a secret the body echoes masked")
    void wrongStatus() {
        RunResult result = run(local(), "", "  - request: { path: /echo, headers: { Authorization: \"Bearer ${secret:API_TOKEN}\" } }\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue("expected HTTP 2xx, got 401 from GET /echo; body: {\"error\": \"bad token\", \"got\": \"Bearer ********\"}");
    }

    @Test
    @DisplayName("a body without the expected text shows its first 200 characters")
    void bodyLacksText() {
        RunResult result = run(local(), "", "  - request: { path: /long }\n    expect: { body_contains: \"Order placed\" }\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue("the body does not contain \"Order placed\"; body: " + "line ".repeat(40).substring(0, 197) + "...");
    }
}
