package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.Slo;

class OpenSloInTest {

    static final String RATIO = """
            apiVersion: openslo/v1
            kind: Service
            metadata:
              name: shop
            spec:
              description: the shop
            ---
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-completion
              labels:
                owner: payments-team
            spec:
              description: Checkouts that end in a purchase
              service: shop
              indicator:
                metadata:
                  name: checkout-completion-sli
                spec:
                  ratioMetric:
                    counter: false
                    good:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(purchase_completed_total[5m]))
                    total:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(checkout_started_total[5m]))
              timeWindow:
                - duration: 28d
                  isRolling: true
              budgetingMethod: Occurrences
              objectives:
                - displayName: checkout
                  target: 0.995
            """;

    @Test
    @DisplayName("an OpenSLO SLO with a Prometheus ratioMetric loads as a ratio SLO; the file's other kinds are read past")
    void ratioFromOpenSlo() {
        LoadResult result = Files.load("openslo.yaml", RATIO);

        assertThat(result.problems()).isEmpty();
        Slo slo = result.definitions().slos().get(0);
        assertThat(slo.name()).isEqualTo("checkout-completion");
        assertThat(slo.indicator()).isEqualTo(new RatioIndicator("sum(rate(purchase_completed_total[5m]))",
                "sum(rate(checkout_started_total[5m]))"));
        assertThat(slo.target()).isEqualTo(0.995);
        assertThat(slo.window()).isEqualTo(java.time.Duration.ofDays(28));
        assertThat(slo.owner()).isEqualTo("payments-team");
        assertThat(slo.description()).isEqualTo("Checkouts that end in a purchase");
    }

    @Test
    @DisplayName("a journey indicator comes from the annotations an export writes, with the journey's owner by default")
    void journeyFromAnnotations() {
        String journeySlo = RATIO.replace("  labels:\n    owner: payments-team\n", """
                  annotations:
                    probefleet.org/indicator: journey
                    probefleet.org/journey: checkout
                    probefleet.org/latency-threshold: 8s
                    probefleet.org/alert-quorum: "1"
                    probefleet.org/per-percent-of-burn: "45000"
                    probefleet.org/currency: EUR
                """);
        LoadResult result = Files.load("j.yaml", SloAndPolicyProblemsTest.JOURNEY, "openslo.yaml", journeySlo);

        assertThat(result.problems()).isEmpty();
        Slo slo = result.definitions().slos().get(0);
        assertThat(slo.indicator()).isEqualTo(new JourneyIndicator("checkout", Optional.of(java.time.Duration.ofSeconds(8))));
        assertThat(slo.alertQuorum()).isEqualTo(1);
        assertThat(slo.owner()).isEqualTo("payments-team");
        assertThat(slo.businessImpact()).hasValueSatisfying(impact -> {
            assertThat(impact.perPercentOfBurn()).isEqualTo(45_000);
            assertThat(impact.currency()).isEqualTo("EUR");
            assertThat(impact.usersPerHour()).isEqualTo(OptionalDouble.empty());
        });
    }

    @Test
    @DisplayName("what Probefleet cannot read in an OpenSLO SLO is reported at its place")
    void mistakes() {
        int totalSource = RATIO.lastIndexOf("type: Prometheus");
        String broken = (RATIO.substring(0, totalSource) + "type: Datadog" + RATIO.substring(totalSource + "type: Prometheus".length()))
                .replace("query: sum(rate(purchase_completed_total[5m]))", "query: sum(rate(purchase_completed_total[5m])")
                .replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices")
                .replace("kind: Service", "kind: Servise");

        assertThat(Files.problems("openslo.yaml", broken)).containsExactly(
                "openslo.yaml:2:7: kind Servise is not an OpenSLO v1 kind: expected SLO or one of Service, SLI, DataSource, AlertCondition,"
                        + " AlertPolicy, AlertNotificationTarget",
                "openslo.yaml:27:22: 'good' query has a '(' at character 4 that is never closed",
                "openslo.yaml:30:19: metricSource type Datadog is not supported: use Prometheus",
                "openslo.yaml:36:20: budgetingMethod Timeslices is not supported: Probefleet budgets Occurrences");
    }
}
