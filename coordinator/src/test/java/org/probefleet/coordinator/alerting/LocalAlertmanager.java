package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.probefleet.coordinator.testing.ChildProcess;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * A real Alertmanager on loopback for tests: in a container where Docker runs, otherwise the
 * local binary ({@code alertmanager}, or Debian's {@code prometheus-alertmanager}) as a child
 * process on a free port with its own data folder. Without either, CI fails and a laptop skips.
 */
final class LocalAlertmanager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String IMAGE = "prom/alertmanager:v0.25.0";
    /** Routes everything to a receiver that sends nothing: the test reads what Alertmanager holds. */
    static final String CONFIG = """
            route:
              receiver: quiet
              group_by: [alertname, slo]
              group_wait: 1s
            receivers:
              - name: quiet
            """;

    private final ChildProcess process;
    private final GenericContainer<?> container;
    private final URI url;
    private final String amtool;

    private LocalAlertmanager(ChildProcess process, GenericContainer<?> container, URI url, String amtool) {
        this.process = process;
        this.container = container;
        this.url = url;
        this.amtool = amtool;
    }

    static LocalAlertmanager start(Path folder) throws Exception {
        Path config = folder.resolve("alertmanager.yml");
        Files.writeString(config, CONFIG);
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>(IMAGE).withExposedPorts(9093)
                    .withCopyFileToContainer(MountableFile.forHostPath(config), "/etc/alertmanager/alertmanager.yml")
                    .waitingFor(Wait.forHttp("/-/ready").forPort(9093));
            container.start();
            return new LocalAlertmanager(null, container,
                    URI.create("http://" + container.getHost() + ":" + container.getMappedPort(9093)), "amtool");
        }
        Optional<Path> binary = ChildProcess.onPath("alertmanager", "prometheus-alertmanager");
        Optional<Path> amtool = ChildProcess.onPath("amtool");
        if (binary.isEmpty() || amtool.isEmpty()) {
            String missing = "Alertmanager and amtool are needed (Debian/Ubuntu: apt-get install -y prometheus-alertmanager,"
                    + " or run ./fleet test), or a Docker engine for " + IMAGE;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing);
            }
            Assumptions.abort(missing);
        }
        int port = ChildProcess.freePort();
        Path data = Files.createDirectories(folder.resolve("alertmanager-data"));
        ChildProcess process = ChildProcess.start("alertmanager", List.of(binary.get().toString(), "--config.file=" + config,
                "--storage.path=" + data, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn"),
                port, folder.resolve("alertmanager.log"));
        return new LocalAlertmanager(process, null, process.url(), amtool.get().toString());
    }

    URI url() {
        return url;
    }

    /** {@code amtool alert query} as JSON: the active alerts, each with its labels and annotations. */
    List<JsonNode> query(String... matchers) throws Exception {
        List<String> command = new ArrayList<>(List.of(amtool, "alert", "query", "-o", "json"));
        command.addAll(List.of(matchers));
        String output;
        if (container != null) {
            command.add("--alertmanager.url=http://127.0.0.1:9093");
            var result = container.execInContainer(command.toArray(String[]::new));
            assertThat(result.getExitCode()).as(result.getStderr()).isZero();
            output = result.getStdout();
        } else {
            command.add("--alertmanager.url=" + url);
            Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
        }
        List<JsonNode> alerts = new ArrayList<>();
        JsonNode parsed = JSON.readTree(output);
        parsed.forEach(alerts::add);
        return alerts;
    }

    @Override
    public void close() throws Exception {
        if (container != null) {
            container.stop();
        }
        if (process != null) {
            process.close();
        }
    }
}
