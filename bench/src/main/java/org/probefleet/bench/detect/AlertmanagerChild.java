package org.probefleet.bench.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.probefleet.coordinator.testing.ChildProcess;

/**
 * A real Alertmanager for the live benchmark: the local binary ({@code alertmanager}, or Debian's
 * {@code prometheus-alertmanager}) as a child process on a free loopback port with its own data
 * folder, routing to a receiver that sends nothing: the benchmark reads what it holds.
 */
final class AlertmanagerChild implements AutoCloseable {

    static final String INSTALL_HINT = "Alertmanager is needed on the PATH (Debian/Ubuntu: apt-get install -y prometheus-alertmanager)";
    static final String CONFIG = """
            route:
              receiver: quiet
              group_by: [alertname, slo]
              group_wait: 1s
            receivers:
              - name: quiet
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AlertmanagerChild(ChildProcess process) {
        this.process = process;
    }

    static AlertmanagerChild start(Path folder) throws IOException, InterruptedException {
        Path binary = ChildProcess.onPath("alertmanager", "prometheus-alertmanager").orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Path config = Files.writeString(folder.resolve("alertmanager.yml"), CONFIG);
        int port = ChildProcess.freePort();
        Path data = Files.createDirectories(folder.resolve("alertmanager-data"));
        return new AlertmanagerChild(ChildProcess.start("Alertmanager", List.of(binary.toString(), "--config.file=" + config,
                "--storage.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn"),
                port, folder.resolve("alertmanager.log")));
    }

    URI url() {
        return process.url();
    }

    /** The active alerts of API v2 {@code /api/v2/alerts}, each with its fingerprint and labels. */
    List<JsonNode> alerts() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(process.url().resolve("/api/v2/alerts?active=true&silenced=false"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Alertmanager answered " + response.statusCode() + ": " + response.body());
        }
        List<JsonNode> alerts = new ArrayList<>();
        JSON.readTree(response.body()).forEach(alerts::add);
        return alerts;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
