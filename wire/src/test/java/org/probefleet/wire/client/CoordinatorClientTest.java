package org.probefleet.wire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.api.HeartbeatAnswer;
import org.probefleet.wire.api.HeartbeatRequest;

class CoordinatorClientTest {

    /** What the fake coordinator saw: method, path, Authorization, If-None-Match, body. */
    record Seen(String method, String path, String authorization, String ifNoneMatch, String body) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    HttpServer server;
    CoordinatorClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/agents/heartbeat", exchange -> answer(exchange, 200, null,
                "{\"agent\":\"eu-west-1\",\"region\":\"eu-west\",\"heartbeat_timeout_seconds\":90,\"definitions_version\":\"v1\"}"));
        server.createContext("/api/v1/agents/eu-west-1/assignments", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                answer(exchange, 304, "\"v1\"", null);
            } else {
                answer(exchange, 200, "\"v1\"", "{\"agent\":\"eu-west-1\",\"region\":\"eu-west\",\"definitions_version\":\"v1\","
                        + "\"journeys\":[\"checkout\"],\"files\":[{\"name\":\"checkout.yaml\",\"content\":\"x\"}]}");
            }
        });
        server.createContext("/api/v1/agents/us-east-1/assignments", exchange -> answer(exchange, 403, null,
                "{\"error\":\"the token belongs to agent eu-west-1, not us-east-1\"}"));
        server.start();
        client = CoordinatorClient.create("http://127.0.0.1:" + server.getAddress().getPort(), Optional.of("s3cret"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("a heartbeat is posted as JSON with the bearer token, and the answer is read into its type")
    void heartbeat() throws Exception {
        HeartbeatAnswer answer = client.heartbeat(new HeartbeatRequest("0.1.0", 2, true, 0, 0, 0));

        assertThat(answer).isEqualTo(new HeartbeatAnswer("eu-west-1", "eu-west", 90, "v1", List.of()));
        assertThat(seen).containsExactly(new Seen("POST", "/api/v1/agents/heartbeat", "Bearer s3cret", null,
                "{\"version\":\"0.1.0\",\"capacity\":2,\"selfCheck\":\"ok\",\"outboxDepth\":0,\"scheduleLagMs\":0,\"missedRuns\":0}"));
    }

    @Test
    @DisplayName("assignments come with their ETag; asking again with it is answered 304 and gives nothing new")
    void assignmentsWithEtag() throws Exception {
        CoordinatorClient.Assigned first = client.assignments("eu-west-1", Optional.empty()).orElseThrow();

        assertThat(first.assignments().journeys()).containsExactly("checkout");
        assertThat(first.etag()).contains("\"v1\"");
        assertThat(client.assignments("eu-west-1", first.etag())).isEmpty();
        assertThat(seen).extracting(Seen::ifNoneMatch).containsExactly(null, "\"v1\"");
    }

    @Test
    @DisplayName("assignments refused say the status and the coordinator's reason")
    void assignmentsRefused() {
        assertThatThrownBy(() -> client.assignments("us-east-1", Optional.empty()))
                .isInstanceOf(IOException.class)
                .hasMessage("assignments refused: HTTP 403 {\"error\":\"the token belongs to agent eu-west-1, not us-east-1\"}");
    }

    @Test
    @DisplayName("nothing listening: the error names host and port and the network's reason, never 'null'")
    void nothingListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CoordinatorClient down = CoordinatorClient.create("http://127.0.0.1:" + port + "/", Optional.empty());

        assertThatThrownBy(() -> down.gate("checkout"))
                .isInstanceOfSatisfying(CoordinatorUnreachable.class, e -> {
                    assertThat(e.connecting()).isTrue();
                    assertThat(e.getMessage()).startsWith("cannot connect to 127.0.0.1:" + port + ": ").doesNotContain("null");
                    assertThat(e.advice("--coordinator URL"))
                            .isEqualTo("cannot connect to the coordinator at http://127.0.0.1:" + port + "/: is it running? (--coordinator URL)");
                });
    }

    @Test
    @DisplayName("of a group, the first coordinator that answers takes the call, and later calls stay with it")
    void movesOnToTheNextCoordinator() throws Exception {
        int down = freePort();
        HttpServer unavailable = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        unavailable.createContext("/", exchange -> answer(exchange, 503, null, "{\"error\":\"the store is not answering\"}"));
        unavailable.start();
        try {
            String alive = "http://127.0.0.1:" + server.getAddress().getPort();
            CoordinatorClient group = CoordinatorClient.create("http://127.0.0.1:" + down + ", http://127.0.0.1:"
                    + unavailable.getAddress().getPort() + "," + alive, Optional.of("s3cret"));

            assertThat(group.heartbeat(new HeartbeatRequest("0.1.0", 2, true, 0, 0, 0)).agent()).isEqualTo("eu-west-1");
            assertThat(group.base()).hasToString(alive + "/");
            group.heartbeat(new HeartbeatRequest("0.1.0", 2, true, 0, 0, 0));
            // The unavailable one was asked once, by the first call; the second went straight to the one that answered.
            assertThat(seen).extracting(Seen::path).containsExactly("/api/v1/agents/heartbeat", "/api/v1/agents/heartbeat",
                    "/api/v1/agents/heartbeat");
        } finally {
            unavailable.stop(0);
        }
    }

    @Test
    @DisplayName("when no coordinator of a group answers, the call is unreachable and names the last one tried")
    void noCoordinatorAnswers() throws Exception {
        int first = freePort();
        int second = freePort();
        CoordinatorClient group = CoordinatorClient.create("http://127.0.0.1:" + first + ",http://127.0.0.1:" + second, Optional.empty());

        assertThatThrownBy(() -> group.gate("checkout")).isInstanceOfSatisfying(CoordinatorUnreachable.class,
                e -> assertThat(e.base()).hasToString("http://127.0.0.1:" + second + "/"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void answer(HttpExchange exchange, int status, String etag, String body) throws IOException {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("If-None-Match"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body == null ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
