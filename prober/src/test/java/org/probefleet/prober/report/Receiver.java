package org.probefleet.prober.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.probefleet.wire.outcome.OutcomeJson;

/**
 * A stand-in for the coordinator's ingest: checks each batch has the wire shape (an array of
 * outcomes that read back), records every runId it receives, and answers the status a test picks.
 */
final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<UUID> received = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    Receiver(int port, IntSupplier status) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/outcomes", exchange -> {
            int answer = status.getAsInt();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            if (!"Bearer agent-token-0123456789".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problems.add("missing bearer token");
            }
            if (!body.isArray()) {
                problems.add("not an array");
            } else if (answer == 200) {
                for (int i = 0; i < body.size(); i++) {
                    List<String> found = new java.util.ArrayList<>();
                    OutcomeJson.read(body.get(i), "outcomes[" + i + "]", found).ifPresent(outcome -> received.add(outcome.runId()));
                    problems.addAll(found);
                }
            }
            byte[] reply = ("{\"accepted\":" + body.size() + ",\"duplicates\":0}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
