package org.probefleet.coordinator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real Prometheus for tests: the local binary (Debian's {@code prometheus} package) as a child
 * process on a free loopback port with its data in a temporary folder, scraping one target every
 * second. Without the binary the test fails and says what to install.
 */
final class LocalPrometheus implements AutoCloseable {

    private final Process process;
    private final URI url;

    private LocalPrometheus(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    static LocalPrometheus start(Path folder, URI target) throws Exception {
        Path binary = onPath("prometheus").orElseThrow(() -> new AssertionError(
                "prometheus is needed: install it (Debian/Ubuntu: apt-get install -y prometheus) or run ./fleet test"));
        Path config = Files.writeString(folder.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: shop
                    static_configs:
                      - targets: ['%s']
                """.formatted(target.getAuthority()));
        int port = freePort();
        Path data = Files.createDirectories(folder.resolve("prometheus-data"));
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(folder.resolve("prometheus.log").toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(process, URI.create("http://127.0.0.1:" + port));
        HttpClient client = HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            assertThat(process.isAlive()).as("prometheus exited; see " + folder.resolve("prometheus.log")).isTrue();
            return client.send(HttpRequest.newBuilder(prometheus.url.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
        return prometheus;
    }

    URI url() {
        return url;
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Stops Prometheus and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
