package org.probefleet.coordinator.prometheus;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.probefleet.coordinator.testing.ChildProcess;

/**
 * A real Prometheus for tests: the local binary (Debian's {@code prometheus} package) as a child
 * process on a free loopback port with its data in a temporary folder, scraping one target every
 * second. Without the binary the test fails and says what to install.
 */
final class LocalPrometheus implements AutoCloseable {

    private final ChildProcess process;

    private LocalPrometheus(ChildProcess process) {
        this.process = process;
    }

    static LocalPrometheus start(Path folder, URI target) throws Exception {
        Path binary = ChildProcess.onPath("prometheus").orElseThrow(() -> new AssertionError(
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
        int port = ChildProcess.freePort();
        Path data = Files.createDirectories(folder.resolve("prometheus-data"));
        return new LocalPrometheus(ChildProcess.start("prometheus", List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--log.level=warn"),
                port, folder.resolve("prometheus.log")));
    }

    URI url() {
        return process.url();
    }

    /** Stops Prometheus and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
