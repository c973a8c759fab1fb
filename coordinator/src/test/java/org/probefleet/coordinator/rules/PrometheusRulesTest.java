package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.load.DefinitionLoader;

class PrometheusRulesTest {

    static final String EXAMPLES = "../journeys/examples";

    @Test
    @DisplayName("the real promtool accepts the rules generated for the examples")
    void promtoolAcceptsRules(@TempDir Path folder) throws Exception {
        Path rules = folder.resolve("probefleet-rules.yaml");
        Files.writeString(rules, PrometheusRules.render(DefinitionLoader.loadFolder(Path.of(EXAMPLES)).definitions()));

        String output = promtool(folder, "check", "rules", rules.getFileName().toString());

        assertThat(output).contains("SUCCESS: 72 rules found");
    }

    /** Runs the real promtool in {@code folder}; fails the test unless it exits 0, and returns what it printed. */
    static String promtool(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process promtool;
        try {
            promtool = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            throw new AssertionError("promtool is needed: install it (Debian/Ubuntu: apt-get install -y prometheus) or run ./fleet test", e);
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    @DisplayName("alert thresholds are the engine's: a 14.4x burn of a 99.4% target is an error ratio of 0.0864")
    void thresholdsMatchTheEngine() {
        var definitions = DefinitionLoader.loadFolder(Path.of(EXAMPLES)).definitions();
        String condition = PrometheusRules.condition(definitions.slo("checkout-completion-rate").orElseThrow(),
                org.probefleet.coordinator.slo.Severity.PAGE, "region=\"global\"");

        assertThat(condition).isEqualTo(
                "slo:sli_error:ratio_rate1h{slo=\"checkout-completion-rate\",region=\"global\"} > 0.08640000000"
                        + " and slo:sli_error:ratio_rate5m{slo=\"checkout-completion-rate\",region=\"global\"} > 0.08640000000"
                        + " or slo:sli_error:ratio_rate6h{slo=\"checkout-completion-rate\",region=\"global\"} > 0.03600000000"
                        + " and slo:sli_error:ratio_rate30m{slo=\"checkout-completion-rate\",region=\"global\"} > 0.03600000000");
    }
}
