package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.journeys.model.BusinessImpact;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.Slo;

class RatioIndicatorTest {

    static final String RATIO = "  indicator:\n    type: ratio\n    numerator: sum(rate(good_total[5m]))\n"
            + "    denominator: sum(rate(all_total[5m]))\n";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an unknown indicator type", "slo:\n  name: s\n  indicator: { type: rumm, journey: checkout }\n  target: 0.99\n",
                        "s.yaml:3:22: indicator type 'rumm' is not known: use journey, ratio or rum"),
                Arguments.of("a ratio without a denominator", "slo:\n  name: s\n  indicator: { type: ratio, numerator: sum(up) }\n  target: 0.99\n",
                        "s.yaml:3:14: a ratio 'indicator' is missing 'denominator'"),
                Arguments.of("a journey key in a ratio", "slo:\n  name: s\n  indicator: { type: ratio, journey: checkout, numerator: sum(up), denominator: count(up) }\n  target: 0.99\n",
                        "s.yaml:3:29: unknown key 'journey': expected one of type, numerator, denominator"),
                Arguments.of("a numerator whose parenthesis never closes",
                        "slo:\n  name: s\n  indicator:\n    type: ratio\n    numerator: sum(rate(good_total[5m])\n    denominator: sum(up)\n  target: 0.99\n",
                        "s.yaml:5:16: 'numerator' query has a '(' at character 4 that is never closed"),
                Arguments.of("a denominator with a bracket closed by a brace",
                        "slo:\n  name: s\n  indicator:\n    type: ratio\n    numerator: sum(up)\n    denominator: 'sum(rate(x[5m}))'\n  target: 0.99\n",
                        "s.yaml:6:18: 'denominator' query has a '}' at character 14 that closes nothing: '[' at character 11 is still open"),
                Arguments.of("a label value whose quote never closes",
                        "slo:\n  name: s\n  indicator:\n    type: ratio\n    numerator: 'sum(up{job=\"shop})'\n    denominator: sum(up)\n  target: 0.99\n",
                        "s.yaml:5:16: 'numerator' query has an unclosed \" at character 12"),
                Arguments.of("an empty denominator", "slo:\n  name: s\n  indicator:\n    type: ratio\n    numerator: sum(up)\n    denominator: ' '\n  target: 0.99\n",
                        "s.yaml:6:18: 'denominator' query is empty: write a PromQL query, like sum(rate(requests_total[5m]))"),
                Arguments.of("money that cannot be read", "slo:\n  name: s\n" + RATIO + "  target: 0.99\n  business_impact: { per_percent_of_burn: lots of money }\n",
                        "s.yaml:8:43: 'per_percent_of_burn' must be a number like 45000 or an amount like \"$45,000 estimated revenue\", not 'lots of money'"),
                Arguments.of("money in euros with a dollar currency", "slo:\n  name: s\n" + RATIO + "  target: 0.99\n  business_impact: { per_percent_of_burn: €500, currency: USD }\n",
                        "s.yaml:8:59: currency USD disagrees with per_percent_of_burn, which is in EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("each mistake in an indicator or its money is reported once, at its place")
    void reportsMistake(String description, String yaml, String expected) {
        assertThat(Files.problems("j.yaml", SloAndPolicyProblemsTest.JOURNEY, "s.yaml", yaml)).containsExactly(expected);
    }

    @Test
    @DisplayName("the seed's SLO file, indented among the examples, loads as a ratio of its two queries with $45,000 per 1% of budget")
    void seedFileLoads() {
        LoadResult result = DefinitionLoader.loadFolder(Path.of("examples"));

        assertThat(result.problems()).isEmpty();
        Slo slo = result.definitions().slo("checkout-completion-rate").orElseThrow();
        assertThat(slo.indicator()).isEqualTo(new RatioIndicator("sum(rate(purchase_completed_total[5m]))",
                "sum(rate(checkout_started_total[5m]))"));
        assertThat(slo.target()).isEqualTo(0.994);
        assertThat(slo.businessImpact()).contains(new BusinessImpact(45_000, "USD", java.util.OptionalDouble.empty()));
        assertThat(slo.notificationThreshold()).hasValue(0.2);
    }

    @Test
    @DisplayName("type: journey is the explicit form of an indicator without a type")
    void explicitJourneyType() {
        Slo slo = Files.load("j.yaml", SloAndPolicyProblemsTest.JOURNEY,
                "s.yaml", "slo:\n  name: s\n  indicator: { type: journey, journey: checkout }\n  target: 0.99\n").definitions().slos().get(0);

        assertThat(slo.indicator()).isEqualTo(new JourneyIndicator("checkout", Optional.empty()));
        assertThat(slo.owner()).isEqualTo("payments-team");
    }

    @Test
    @DisplayName("money text gives its amount and currency: a symbol, a code before or after, or none")
    void moneyText() {
        assertThat(impact("\"$45,000 estimated revenue\"")).isEqualTo(new BusinessImpact(45_000, "USD", java.util.OptionalDouble.empty()));
        assertThat(impact("\"€1200.50\"")).isEqualTo(new BusinessImpact(1_200.5, "EUR", java.util.OptionalDouble.empty()));
        assertThat(impact("\"GBP 3,000 in orders\"")).isEqualTo(new BusinessImpact(3_000, "GBP", java.util.OptionalDouble.empty()));
        assertThat(impact("\"700 JPY\"")).isEqualTo(new BusinessImpact(700, "JPY", java.util.OptionalDouble.empty()));
        assertThat(impact("45000")).isEqualTo(new BusinessImpact(45_000, "USD", java.util.OptionalDouble.empty()));
    }

    private static BusinessImpact impact(String perPercent) {
        LoadResult result = Files.load("s.yaml", "slo:\n  name: s\n" + RATIO + "  target: 0.99\n  business_impact:\n    per_percent_of_burn: "
                + perPercent + "\n");
        assertThat(result.problems()).isEmpty();
        return result.definitions().slos().get(0).businessImpact().orElseThrow();
    }
}
