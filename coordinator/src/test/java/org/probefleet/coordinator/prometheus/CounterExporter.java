package org.probefleet.coordinator.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny exporter on a loopback port for tests: two counters per region, checkouts started and
 * purchases completed, that the test moves together so every scrape sees a consistent pair.
 */
final class CounterExporter implements AutoCloseable {

    static final String STARTED = "shop_checkout_started_total";
    static final String COMPLETED = "shop_purchase_completed_total";

    private final HttpServer server;
    private final Map<String, long[]> counters = new TreeMap<>();

    CounterExporter() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = exposition().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds {@code started} checkouts and {@code completed} purchases in {@code region}, at once. */
    synchronized void add(String region, long started, long completed) {
        long[] pair = counters.computeIfAbsent(region, key -> new long[2]);
        pair[0] += started;
        pair[1] += completed;
    }

    private synchronized String exposition() {
        StringBuilder text = new StringBuilder();
        String[] names = {STARTED, COMPLETED};
        for (int i = 0; i < names.length; i++) {
            text.append("# TYPE ").append(names[i]).append(" counter\n");
            for (Map.Entry<String, long[]> region : counters.entrySet()) {
                text.append(names[i]).append("{region=\"").append(region.getKey()).append("\"} ").append(region.getValue()[i]).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
