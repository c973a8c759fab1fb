package org.probefleet.bench.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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

    private final Process process;
    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AlertmanagerChild(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static AlertmanagerChild start(Path folder) throws IOException, InterruptedException {
        Path binary = onPath("alertmanager").or(() -> onPath("prometheus-alertmanager"))
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Path config = Files.writeString(folder.resolve("alertmanager.yml"), CONFIG);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path data = Files.createDirectories(folder.resolve("alertmanager-data"));
        Path log = folder.resolve("alertmanager.log");
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.path=" + data,
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerChild alertmanager = new AlertmanagerChild(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!alertmanager.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                alertmanager.close();
                throw new IllegalStateException("Alertmanager did not become ready within 30 s; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return alertmanager;
    }

    URI url() {
        return url;
    }

    /** The active alerts of API v2 {@code /api/v2/alerts}, each with its fingerprint and labels. */
    List<JsonNode> alerts() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(url.resolve("/api/v2/alerts?active=true&silenced=false"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Alertmanager answered " + response.statusCode() + ": " + response.body());
        }
        List<JsonNode> alerts = new ArrayList<>();
        JSON.readTree(response.body()).forEach(alerts::add);
        return alerts;
    }

    private boolean ready() throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
