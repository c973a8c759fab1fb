package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;

/** A coordinator process killed with -9 while batches stream in keeps every outcome it acknowledged. */
class CrashIT {

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @DisplayName("after kill -9 and a restart, every acknowledged runId is readable")
    void acknowledgedOutcomesSurviveKill(@TempDir Path folder) throws Exception {
        CoordinatorProcess coordinator = new CoordinatorProcess(folder);
        String base = coordinator.base;

        Process first = coordinator.start(folder.resolve("first.log"));
        coordinator.awaitHealthy(client);
        ConcurrentLinkedQueue<UUID> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            Thread sender = new Thread(() -> send(base, acknowledged, running));
            sender.start();
            senders.add(sender);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 2000);
        first.destroyForcibly().waitFor();
        running.set(false);
        for (Thread sender : senders) {
            sender.join(30_000);
        }

        Process second = coordinator.start(folder.resolve("second.log"));
        try {
            coordinator.awaitHealthy(client);
            List<UUID> missing = new ArrayList<>();
            for (UUID runId : acknowledged) {
                HttpResponse<String> read = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes/" + runId)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() != 200) {
                    missing.add(runId);
                }
            }
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(2000);
            assertThat(missing).as("acknowledged but lost").isEmpty();
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private void send(String base, ConcurrentLinkedQueue<UUID> acknowledged, AtomicBoolean running) {
        while (running.get()) {
            List<Outcome> batch = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                batch.add(new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.now().minusSeconds(5),
                        900, OutcomeStatus.SUCCESS, 1, Optional.empty(), Optional.empty(), List.of(), Map.of()));
            }
            var array = JsonNodeFactory.instance.arrayNode();
            batch.forEach(outcome -> array.add(OutcomeJson.write(outcome)));
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes"))
                        .header("Authorization", "Bearer " + CoordinatorProcess.AGENT_TOKEN).timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(array.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    batch.forEach(outcome -> acknowledged.add(outcome.runId()));
                }
            } catch (Exception e) {
                // The coordinator was killed mid-request: that batch was never acknowledged.
            }
        }
    }
}
