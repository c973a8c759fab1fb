package org.probefleet.coordinator.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

/**
 * A stand-in for PagerDuty or a chat webhook on loopback: checks every body with {@code shape},
 * keeps the accepted ones (and whatever failed the check), and answers the status a test scripts
 * for the n-th request.
 */
final class HookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    HookReceiver(Consumer<JsonNode> shape, IntUnaryOperator statusForRequest) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int status = statusForRequest.applyAsInt(requests.getAndIncrement());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (!"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    problems.add("Content-Type is " + exchange.getRequestHeaders().getFirst("Content-Type"));
                }
                JsonNode json = JSON.readTree(body);
                shape.accept(json);
                if (status / 100 == 2) {
                    received.add(json);
                }
            } catch (IOException | AssertionError e) {
                problems.add(e.getMessage() + " in " + body);
            }
            byte[] reply = "{\"status\":\"success\",\"message\":\"Event processed\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
