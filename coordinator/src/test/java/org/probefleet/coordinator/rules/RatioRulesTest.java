package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sum by (region) (rate(checkout_started_total[5m]))                  | true
            sum(rate(checkout_started_total[5m])) by (region)                    | true
            sum by(job, region)(rate(checkout_started_total[5m]))                | true
            sum(rate(checkout_started_total[5m]))                                | false
            sum(sum by (region) (rate(checkout_started_total[5m])))              | false
            sum by (job) (rate(checkout_started_total{region="eu-west"}[5m]))    | false
            sum without (instance) (rate(checkout_started_total[5m]))            | false
            sum(rate(nearby_region_total{path="by (region)"}[5m]))               | false
            """)
    @DisplayName("a query keeps the region label when its outermost aggregation groups by region (none inside brackets or strings)")
    void keepsRegion(String query, boolean keeps) {
        assertThat(RatioRules.keepsRegion(query)).isEqualTo(keeps);
    }

    @Test
    @DisplayName("the seed's ratio, which keeps no region label, pages on the whole ratio and the rules say the quorum does not apply")
    void wholeRatioSaysNoQuorum() {
        var definitions = DefinitionLoader.loadFile(Path.of(SEED)).definitions();

        assertThat(PrometheusRules.render(definitions)).contains("# No quorum of regions for checkout-completion-rate: their queries do"
                + " not keep a region label (sum by (region) (...)), so they page on the whole ratio.\n").doesNotContain("count(");
    }

    /** A ratio by region over three regions, 60 checkouts a minute each: eu-west stops completing at 60m, us-east at 150m. */
    static final String BY_REGION_SLO = """
            slo:
              name: shop-ratio
              owner: shop-team
              indicator:
                type: ratio
                numerator: sum by (region) (rate(purchase_completed_total[5m]))
                denominator: sum by (region) (rate(checkout_started_total[5m]))
              target: 0.99
            """;

    @Test
    @DisplayName("promtool: a ratio by region pages only once a quorum of 2 regions burns; one region alone is a ticket for it")
    void quorumByRegion(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("shop-ratio.yaml"), BY_REGION_SLO);
        var loaded = DefinitionLoader.loadFolder(folder);
        assertThat(loaded.problems()).isEmpty();
        Files.writeString(folder.resolve("rules.yml"), PrometheusRules.render(loaded.definitions()));
        String description = "              description: Multiwindow burn-rate alert for a 99% target over 30d.\n";
        String ticket = "          - exp_labels: { severity: ticket, slo: shop-ratio, owner: shop-team, region: eu-west }\n"
                + "            exp_annotations:\n              summary: shop-ratio failing from eu-west\n" + description;
        String page = "          - exp_labels: { severity: page, slo: shop-ratio, owner: shop-team, region: global }\n"
                + "            exp_annotations:\n              summary: shop-ratio is burning its error budget from a quorum of regions\n"
                + description;
        Files.writeString(folder.resolve("quorum.test.yml"), """
                rule_files:
                  - rules.yml
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'checkout_started_total{region="eu-west"}'
                        values: '0+60x240'
                      - series: 'checkout_started_total{region="us-east"}'
                        values: '0+60x240'
                      - series: 'checkout_started_total{region="ap-south"}'
                        values: '0+60x240'
                      - series: 'purchase_completed_total{region="eu-west"}'
                        values: '0+60x60 3600+0x180'
                      - series: 'purchase_completed_total{region="us-east"}'
                        values: '0+60x150 9000+0x90'
                      - series: 'purchase_completed_total{region="ap-south"}'
                        values: '0+60x240'
                    alert_rule_test:
                      - eval_time: 50m
                        alertname: %1$s
                        exp_alerts: []
                      - eval_time: 90m
                        alertname: %1$s
                        exp_alerts: []
                      - eval_time: 90m
                        alertname: %2$s
                        exp_alerts:
                %3$s      - eval_time: 120m
                        alertname: %1$s
                        exp_alerts: []
                      - eval_time: 180m
                        alertname: %1$s
                        exp_alerts:
                %4$s""".formatted(org.probefleet.coordinator.alerting.AlertComposer.PAGE,
                org.probefleet.coordinator.alerting.AlertComposer.REGION_TICKET, ticket, page));

        assertThat(PrometheusRulesTest.promtool(folder, "check", "rules", "rules.yml")).contains("SUCCESS");
        assertThat(PrometheusRulesTest.promtool(folder, "test", "rules", "quorum.test.yml")).contains("SUCCESS");
    }
}
