package org.probefleet.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusSectionTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("the prometheus section gives the URL, query timeout and read delay; flags and variables override it")
    void prometheus() throws Exception {
        Path file = Files.writeString(folder.resolve("coordinator.yaml"), "prometheus:\n  url: http://127.0.0.1:9090\n  delay: 45s\n");

        PrometheusConfig fromFile = ConfigLoader.load(Optional.of(file), Map.of()).config().orElseThrow().prometheus();
        PrometheusConfig overridden = ConfigLoader.load(Optional.of(file), Map.of("prometheus.url", "https://prom.example:9091",
                "prometheus.timeout", "3s")).config().orElseThrow().prometheus();

        assertThat(fromFile).isEqualTo(new PrometheusConfig(Optional.of(URI.create("http://127.0.0.1:9090")),
                PrometheusConfig.DEFAULT_TIMEOUT, Duration.ofSeconds(45)));
        assertThat(overridden).isEqualTo(new PrometheusConfig(Optional.of(URI.create("https://prom.example:9091")),
                Duration.ofSeconds(3), Duration.ofSeconds(45)));
        assertThat(ConfigLoader.load(Optional.empty(), Map.of()).config().orElseThrow().prometheus()).isEqualTo(PrometheusConfig.NONE);
    }

    @Test
    @DisplayName("a Prometheus URL that is not http(s) and a misspelt key are reported at their place")
    void mistakes() throws Exception {
        Path file = Files.writeString(folder.resolve("coordinator.yaml"), "prometheus:\n  url: prometheus:9090\n  dealy: 45s\n");

        assertThat(ConfigLoader.load(Optional.of(file), Map.of()).problems()).extracting(Object::toString).containsExactlyInAnyOrder(
                file + ":2:8: prometheus url 'prometheus:9090' must be an http(s) URL like http://127.0.0.1:9090",
                file + ":3:3: unknown key 'dealy' (did you mean 'delay'?)");
    }
}
