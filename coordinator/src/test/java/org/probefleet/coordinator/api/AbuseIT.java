package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * A bounded attack on a coordinator held to a 256 MiB heap: 2,000 idle connections, 30 anonymous
 * 20 MiB uploads and a slowloris at once. It must keep answering /healthz within a second and keep
 * acknowledging ingest, and write nothing to disk for the anonymous uploads.
 */
class AbuseIT {

    static final int IDLE = 2_000;
    static final int UPLOADS = 30;
    static final int UPLOAD_BYTES = 20 * 1024 * 1024;
    static final int SLOWLORIS = 50;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());

    @Test
    @DisplayName("idle connections, anonymous 20 MiB uploads and a slowloris leave healthz under 1 s and ingest acknowledging")
    void coordinatorSurvivesAbuse(@TempDir Path folder) throws Exception {
        CoordinatorProcess coordinator = new CoordinatorProcess(folder);
        Process process = coordinator.start(folder.resolve("coordinator.log"), "-Xmx256m");
        List<Thread> attackers = new ArrayList<>();
        try {
            coordinator.awaitHealthy(client);
            for (int i = 0; i < IDLE; i++) {
                sockets.add(new Socket("127.0.0.1", coordinator.port));
            }
            for (int i = 0; i < UPLOADS; i++) {
                int n = i;
                attackers.add(attacker(() -> upload(coordinator.port, n)));
            }
            for (int i = 0; i < SLOWLORIS; i++) {
                attackers.add(attacker(() -> slowloris(coordinator.port)));
            }

            List<Long> healthMillis = new ArrayList<>();
            int acknowledged = 0;
            Instant until = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(until)) {
                long start = System.nanoTime();
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(coordinator.base + "/healthz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                healthMillis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(health.statusCode()).isEqualTo(200);
                if (ingest(coordinator.base).statusCode() == 200) {
                    acknowledged++;
                }
            }

            Collections.sort(healthMillis);
            System.out.printf("abuse: %d healthz probes, median %d ms, max %d ms; %d ingest batches acknowledged%n",
                    healthMillis.size(), healthMillis.get(healthMillis.size() / 2), healthMillis.get(healthMillis.size() - 1), acknowledged);
            assertThat(healthMillis.get(healthMillis.size() - 1)).as("slowest healthz, ms").isLessThan(1000);
            assertThat(acknowledged).isEqualTo(healthMillis.size());
            assertThat(process.isAlive()).isTrue();
            assertThat(Files.exists(folder.resolve("file-uploads"))).isFalse();
            assertThat(Files.readString(folder.resolve("coordinator.log"))).doesNotContain("OutOfMemoryError").doesNotContain("Too many open files");
        } finally {
            for (Socket socket : sockets.toArray(Socket[]::new)) {
                socket.close();
            }
            process.destroy();
            process.waitFor();
        }
    }

    private static Thread attacker(Runnable attack) {
        Thread thread = new Thread(attack, "attacker");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private HttpResponse<String> ingest(String base) throws Exception {
        Outcome outcome = new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.now().minusSeconds(5), 900,
                OutcomeStatus.SUCCESS, 1, Optional.empty(), Optional.empty(), List.of(), Map.of());
        String body = JsonNodeFactory.instance.arrayNode().add(OutcomeJson.write(outcome)).toString();
        return client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + CoordinatorProcess.AGENT_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An anonymous multipart upload that keeps writing until the coordinator stops reading or closes. */
    private void upload(int port, int n) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            sockets.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/artifacts/x" + n + ".zip HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                    + "Content-Length: " + UPLOAD_BYTES + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < UPLOAD_BYTES; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // Refused or cut off: what the coordinator should do.
        }
    }

    /** Headers a line every half second, never finished. */
    private void slowloris(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            sockets.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 60; i++) {
                Thread.sleep(500);
                out.write(("X-Slow-" + i + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | InterruptedException e) {
            // Closed by the coordinator: what it should do.
        }
    }
}
