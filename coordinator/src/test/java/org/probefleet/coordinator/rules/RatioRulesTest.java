package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.RatioIndicator;

class RatioRulesTest {

    /** The seed's SLO file, as the examples ship it. */
    static final String SEED = "../journeys/examples/checkout-completion-rate-slo.yaml";

    @Test
    @DisplayName("a ratio SLO's error ratio is 1 - numerator / denominator with the range selectors set to each window")
    void errorRatioPerWindow() {
        RatioIndicator seed = new RatioIndicator("sum(rate(purchase_completed_total[5m]))", "sum(rate(checkout_started_total[5m]))");
        RatioIndicator sloth = new RatioIndicator("sum(rate(good_total{job=\"shop\"}[{{.window}}]))",
                "sum(rate(all_total[1h:1m]))");

        assertThat(RatioRules.errorRatio(seed, "1h"))
                .isEqualTo("1 - (sum(rate(purchase_completed_total[1h]))) / (sum(rate(checkout_started_total[1h])))");
        assertThat(RatioRules.errorRatio(sloth, "30d"))
                .isEqualTo("1 - (sum(rate(good_total{job=\"shop\"}[30d]))) / (sum(rate(all_total[1h:1m])))");
    }

    @Test
    @DisplayName("the real promtool accepts the rules generated for the seed's ratio SLO, Sloth-compatible too")
    void promtoolAcceptsRatioRules(@TempDir Path folder) throws Exception {
        var definitions = DefinitionLoader.loadFile(Path.of(SEED)).definitions();
        Files.writeString(folder.resolve("rules.yml"), PrometheusRules.render(definitions));
        Files.writeString(folder.resolve("sloth.yml"), PrometheusRules.render(definitions, true));

        assertThat(PrometheusRulesTest.promtool(folder, "check", "rules", "rules.yml")).contains("SUCCESS: 10 rules found");
        assertThat(PrometheusRulesTest.promtool(folder, "check", "rules", "sloth.yml")).contains("SUCCESS: 17 rules found");
    }
}
