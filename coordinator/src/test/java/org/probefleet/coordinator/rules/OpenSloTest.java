package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.DefinitionLoader;

class OpenSloTest {

    static List<JsonNode> documents() throws Exception {
        String yaml = OpenSlo.render(DefinitionLoader.loadFolder(Path.of(PrometheusRulesTest.EXAMPLES)).definitions());
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = PrometheusRules.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            iterator.forEachRemaining(document -> {
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            });
        }
        return documents;
    }

    @Test
    @DisplayName("every document is OpenSLO v1 with a DNS-style name, and every reference resolves")
    void wellFormed() throws Exception {
        List<JsonNode> documents = documents();
        Map<String, List<String>> names = documents.stream().collect(Collectors.groupingBy(d -> d.path("kind").asText(),
                Collectors.mapping(d -> d.path("metadata").path("name").asText(), Collectors.toList())));

        assertThat(documents).allSatisfy(document -> {
            assertThat(document.path("apiVersion").asText()).isEqualTo("openslo/v1");
            assertThat(document.path("metadata").path("name").asText()).matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
        });
        assertThat(names.get("SLO")).containsExactlyInAnyOrder("catalog-api-availability", "checkout-completion-rate", "checkout-journey-success",
                "login-success-rate", "search-availability");
        for (JsonNode document : documents) {
            document.path("spec").path("alertPolicies").forEach(ref -> assertThat(names.get("AlertPolicy")).contains(ref.path("alertPolicyRef").asText()));
            document.path("spec").path("conditions").forEach(ref -> assertThat(names.get("AlertCondition")).contains(ref.path("conditionRef").asText()));
            document.path("spec").path("notificationTargets").forEach(ref ->
                    assertThat(names.get("AlertNotificationTarget")).contains(ref.path("targetRef").asText()));
            if (document.path("kind").asText().equals("SLO")) {
                assertThat(names.get("Service")).contains(document.path("spec").path("service").asText());
            }
        }
    }

    @Test
    @DisplayName("an SLO keeps its target, rolling window, owner and a ratio of good to total runs with the latency threshold")
    void checkout() throws Exception {
        JsonNode slo = documents().stream().filter(d -> d.path("metadata").path("name").asText().equals("checkout-journey-success"))
                .findFirst().orElseThrow();
        JsonNode spec = slo.path("spec");

        assertThat(spec.path("objectives").get(0).path("target").asDouble()).isEqualTo(0.994);
        assertThat(spec.path("timeWindow").get(0).path("duration").asText()).isEqualTo("30d");
        assertThat(spec.path("timeWindow").get(0).path("isRolling").asBoolean()).isTrue();
        assertThat(spec.path("budgetingMethod").asText()).isEqualTo("Occurrences");
        assertThat(slo.path("metadata").path("labels").path("owner").asText()).isEqualTo("payments-team");
        JsonNode ratio = spec.path("indicator").path("spec").path("ratioMetric");
        assertThat(ratio.path("counter").asBoolean()).isTrue();
        assertThat(ratio.path("good").path("metricSource").path("spec").path("query").asText())
                .isEqualTo("sum(probefleet_journey_duration_seconds_bucket{journey=\"checkout\",status=\"success\",le=\"8.0\"})");
        assertThat(ratio.path("total").path("metricSource").path("spec").path("query").asText())
                .isEqualTo("sum(probefleet_journey_runs_total{journey=\"checkout\",status=~\"success|failure\"})");
        assertThat(spec.path("alertPolicies")).hasSize(4);
    }
}
