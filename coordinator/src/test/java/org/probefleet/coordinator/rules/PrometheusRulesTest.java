package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.Conventions;

class PrometheusRulesTest {

    static final String EXAMPLES = "../journeys/examples";

    @Test
    @DisplayName("the real promtool accepts the rules generated for the examples")
    void promtoolAcceptsRules(@TempDir Path folder) throws Exception {
        Path rules = folder.resolve("probefleet-rules.yaml");
        Files.writeString(rules, PrometheusRules.render(DefinitionLoader.loadFolder(Path.of(EXAMPLES)).definitions()));

        String output = promtool(folder, "check", "rules", rules.getFileName().toString());

        assertThat(output).contains("SUCCESS: 114 rules found");
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
        String condition = PrometheusRules.condition(definitions.slo("checkout-journey-success").orElseThrow(),
                org.probefleet.coordinator.slo.Severity.PAGE, "region=\"global\"", false);

        assertThat(condition).isEqualTo(
                "slo:sli_error:ratio_rate1h{slo=\"checkout-journey-success\",region=\"global\"} > 0.08640000000"
                        + " and slo:sli_error:ratio_rate5m{slo=\"checkout-journey-success\",region=\"global\"} > 0.08640000000"
                        + " or slo:sli_error:ratio_rate6h{slo=\"checkout-journey-success\",region=\"global\"} > 0.03600000000"
                        + " and slo:sli_error:ratio_rate30m{slo=\"checkout-journey-success\",region=\"global\"} > 0.03600000000");
    }

    @Test
    @DisplayName("the rules query the series Micrometer exposes: the runs counter's _total and every duration bucket's le as printed")
    void namesAreWhatMicrometerExposes() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder(Conventions.JOURNEY_RUNS).tags(Conventions.JOURNEY, "checkout").register(registry).increment();
        DistributionSummary.builder(Conventions.JOURNEY_DURATION).baseUnit(Conventions.JOURNEY_DURATION_UNIT)
                .serviceLevelObjectives(Conventions.DURATION_BUCKETS_SECONDS).tags(Conventions.JOURNEY, "checkout")
                .register(registry).record(1.5);

        String exposition = registry.scrape();

        assertThat(exposition).contains(PrometheusRules.RUNS + "{journey=\"checkout\"} 1.0");
        for (double bucket : Conventions.DURATION_BUCKETS_SECONDS) {
            assertThat(exposition).contains(PrometheusRules.DURATION_BUCKETS + "{journey=\"checkout\",le=\"" + Conventions.le(bucket) + "\"}");
        }
    }

    @Test
    @DisplayName("a latency threshold that is not a duration bucket is an error naming the SLO and the buckets, not a rule that never counts")
    void latencyThresholdMustBeABucket() {
        var definitions = DefinitionLoader.loadFolder(Path.of(EXAMPLES)).definitions();
        Slo checkout = definitions.slo("checkout-journey-success").orElseThrow();
        Slo sevenSeconds = new Slo(checkout.name(), checkout.description(), checkout.owner(),
                new JourneyIndicator(checkout.indicator().subject(), java.util.Optional.of(Duration.ofSeconds(7))), checkout.target(),
                checkout.window(), checkout.alertQuorum(), checkout.minEvents(), checkout.policy(), checkout.businessImpact(),
                checkout.notificationThreshold(), checkout.origin());

        assertThatThrownBy(() -> PrometheusRules.goodCounter(sevenSeconds, definitions.journey("checkout").orElseThrow()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SLO checkout-journey-success: latency_threshold 7s is not one of the duration histogram's buckets"
                        + " (250ms, 500ms, 1s, 2s, 3s, 5s, 8s, 10s, 15s, 20s, 30s, 1m),"
                        + " so Prometheus rules cannot count the runs within it");
    }

    @Test
    @DisplayName("rules for an SLO over a shadow journey record its error ratios but raise no page or ticket, and say why")
    void shadowJourneysRaiseNothing(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("ping.yaml"), "journey: ping\nowner: platform-team\nmode: shadow\nkind: http\n"
                + "base_url: http://localhost:8088\nsteps:\n  - request: { method: GET, path: / }\n");
        Files.writeString(folder.resolve("ping-slo.yaml"), "slo:\n  name: ping-availability\n  indicator: { journey: ping }\n  target: 0.99\n");
        var loaded = DefinitionLoader.loadFolder(folder);
        assertThat(loaded.problems()).isEmpty();

        String rules = PrometheusRules.render(loaded.definitions());

        assertThat(rules).contains("# No page or ticket rules for ping-availability: their journeys run in shadow mode,"
                        + " which the engine never counts toward a budget or alert.")
                .contains("name: probefleet-slo-ping-availability-sli-recordings")
                .doesNotContain("probefleet-slo-ping-availability-alerts", "alert:");
    }

    @Test
    @DisplayName("--sloth-compatible adds Sloth's meta recordings, and promtool computes objective, budget, period, burn rates and remaining budget as Sloth does")
    void slothMetaRecordings(@TempDir Path folder) throws Exception {
        var definitions = DefinitionLoader.loadFolder(Path.of(EXAMPLES)).definitions();
        Files.writeString(folder.resolve("rules.yml"), PrometheusRules.render(definitions, true));
        try (var test = PrometheusRulesTest.class.getResourceAsStream("/promtool/sloth-meta.test.yml")) {
            Files.write(folder.resolve("sloth-meta.test.yml"), test.readAllBytes());
        }

        assertThat(promtool(folder, "check", "rules", "rules.yml")).contains("SUCCESS: 149 rules found");
        assertThat(promtool(folder, "test", "rules", "sloth-meta.test.yml")).contains("SUCCESS");
    }

    @Test
    @DisplayName("without --sloth-compatible the rules carry no Sloth label or meta recording")
    void slothLabelsOnlyWhenAsked() {
        String rules = PrometheusRules.render(DefinitionLoader.loadFolder(Path.of(EXAMPLES)).definitions());

        assertThat(rules).doesNotContain("sloth_", "slo:objective:ratio");
    }
}
