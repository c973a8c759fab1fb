package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Releases;
import org.probefleet.journeys.model.Slo;

class SloAndPolicyProblemsTest {

    static final String JOURNEY = "journey: checkout\nowner: payments-team\nsteps: [ {goto: /} ]\n";

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a target of 1", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 1\n",
                        "s.yaml:4:11: target 1 must be between 0 and 1 (exclusive), like 0.995 for 99.5%"),
                Arguments.of("a target written as a percentage", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 99.5%\n",
                        "s.yaml:4:11: 'target' must be a number, not '99.5%'"),
                Arguments.of("a window in hours", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  window: 36h\n",
                        "s.yaml:5:11: window 1d12h is not supported: use whole days from 1d to 90d, like 28d or 30d"),
                Arguments.of("a window of a year", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  window: 365d\n",
                        "s.yaml:5:11: window 365d is not supported: use whole days from 1d to 90d, like 28d or 30d"),
                Arguments.of("a latency threshold between two buckets", "slo:\n  name: s\n  indicator: { journey: checkout, latency_threshold: 4s }\n  target: 0.99\n",
                        "s.yaml:3:54: latency_threshold 4s is not a bucket the agents export: use 3s or 5s"
                                + " (buckets: 250ms, 500ms, 1s, 2s, 3s, 5s, 8s, 10s, 15s, 20s, 30s, 1m)"),
                Arguments.of("a latency threshold in milliseconds between two buckets", "slo:\n  name: s\n  indicator: { journey: checkout, latency_threshold: 1500ms }\n  target: 0.99\n",
                        "s.yaml:3:54: latency_threshold 1s500ms is not a bucket the agents export: use 1s or 2s"
                                + " (buckets: 250ms, 500ms, 1s, 2s, 3s, 5s, 8s, 10s, 15s, 20s, 30s, 1m)"),
                Arguments.of("a latency threshold above the largest bucket", "slo:\n  name: s\n  indicator: { journey: checkout, latency_threshold: 10m }\n  target: 0.99\n",
                        "s.yaml:3:54: latency_threshold 10m is not a bucket the agents export: use 1m"
                                + " (buckets: 250ms, 500ms, 1s, 2s, 3s, 5s, 8s, 10s, 15s, 20s, 30s, 1m)"),
                Arguments.of("no target", "slo:\n  name: s\n  indicator: { journey: checkout }\n",
                        "s.yaml:2:3: slo is missing 'target'"),
                Arguments.of("a misspelt indicator key", "slo:\n  name: s\n  indicator: { jouney: checkout }\n  target: 0.99\n",
                        "s.yaml:3:16: unknown key 'jouney' (did you mean 'journey'?)"),
                Arguments.of("an unknown policy", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  policy: paymnet-service\n",
                        "s.yaml:5:11: policy 'paymnet-service' is not defined; known policies: default"),
                Arguments.of("a zero quorum", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  alert_quorum: 0\n",
                        "s.yaml:5:17: 'alert_quorum' must be at least 1, not 0"),
                Arguments.of("a threshold over 100%", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  notification_threshold: 120%\n",
                        "s.yaml:5:27: notification_threshold must be above 0% and at most 100% of the budget"),
                Arguments.of("a currency that is not a code", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  business_impact: { per_percent_of_burn: 10, currency: dollars }\n",
                        "s.yaml:5:57: currency 'dollars' must be an ISO 4217 code like USD or EUR"),
                Arguments.of("an absolute critical path", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  critical_paths: [/services/payment/**]\n",
                        "s.yaml:5:20: critical path '/services/payment/**' must be relative to the repository root, like services/payment/**"),
                Arguments.of("a critical path with alternatives in braces", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  critical_paths: [services/payment/**, 'web/{a,b}/**']\n",
                        "s.yaml:5:41: critical path 'web/{a,b}/**' uses [ ] or { }: only **, * and ? are wildcards; list alternatives as separate paths"),
                Arguments.of("a critical path climbing out of the repository", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  critical_paths: [services/../../etc]\n",
                        "s.yaml:5:20: critical path 'services/../../etc' must not contain '..' segments"),
                Arguments.of("critical paths as one string", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n  critical_paths: services/payment/**\n",
                        "s.yaml:5:19: 'critical_paths' must be a list, like [a, b], not 'services/payment/**'"),
                Arguments.of("thresholds that do not rise", "policy:\n  name: p\n  states:\n    - { state: FULL, from: 0% }\n    - { state: LOW, from: 50% }\n    - { state: HIGH, from: 40% }\n",
                        "s.yaml:6:28: thresholds must rise: HIGH starts at 40%, not above LOW at 50%"),
                Arguments.of("a first state above zero", "policy:\n  name: p\n  states:\n    - { state: FULL, from: 10% }\n",
                        "s.yaml:4:28: the first state must start from 0%, not 10%"),
                Arguments.of("an unknown release decision", "policy:\n  name: p\n  states:\n    - { state: FULL, from: 0%, releases: maybe }\n",
                        "s.yaml:4:42: 'releases' must be one of allowed, review, frozen, approval, not 'maybe'"),
                Arguments.of("a lower-case state", "policy:\n  name: p\n  states:\n    - { state: full, from: 0% }\n",
                        "s.yaml:4:16: state name 'full' must be upper case, like CAUTION"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("each mistake in an SLO or policy file is reported once, at its place")
    void reportsMistake(String description, String yaml, String expected) {
        assertThat(Files.problems("j.yaml", JOURNEY, "s.yaml", yaml)).containsExactly(expected);
    }

    @Test
    @DisplayName("a latency threshold written in another unit than its bucket's is that bucket")
    void bucketInAnotherUnit() {
        Definitions definitions = Files.load("j.yaml", JOURNEY,
                "s.yaml", "slo:\n  name: s\n  indicator: { journey: checkout, latency_threshold: 60s }\n  target: 0.999\n").definitions();

        assertThat(definitions.slos().get(0).indicator().latencyThreshold()).contains(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("an SLO over a journey whose file is broken is not reported again")
    void brokenJourneyIsReportedOnce() {
        assertThat(Files.problems("j.yaml", "journey: checkout\nretries: x\nsteps: [ {goto: /} ]\n",
                "s.yaml", "slo:\n  name: s\n  indicator: { journey: checkout }\n  target: 0.99\n"))
                .containsExactly("j.yaml:2:10: 'retries' must be a whole number, not 'x'");
    }

    @Test
    @DisplayName("SLO defaults: 30d window, quorum 2, 3 events, the default policy, the journey's owner")
    void sloDefaults() {
        Definitions definitions = Files.load("j.yaml", JOURNEY,
                "s.yaml", "slo:\n  name: s\n  indicator: { journey: checkout, latency_threshold: 8s }\n  target: 0.999\n").definitions();
        Slo slo = definitions.slos().get(0);

        assertThat(slo.window()).isEqualTo(Duration.ofDays(30));
        assertThat(slo.alertQuorum()).isEqualTo(2);
        assertThat(slo.minEvents()).isEqualTo(3);
        assertThat(slo.owner()).isEqualTo("payments-team");
        assertThat(slo.errorBudget()).isCloseTo(0.001, within(1e-12));
        assertThat(slo.indicator().latencyThreshold()).contains(Duration.ofSeconds(8));
        assertThat(definitions.policyOf(slo)).isSameAs(Policy.DEFAULT);
    }

    @Test
    @DisplayName("the default policy maps consumed budget to the seed's states and release decisions")
    void defaultPolicyStates() {
        assertThat(Policy.DEFAULT.stateFor(0.0).name()).isEqualTo("FULL");
        assertThat(Policy.DEFAULT.stateFor(0.2499).name()).isEqualTo("FULL");
        assertThat(Policy.DEFAULT.stateFor(0.25).name()).isEqualTo("CAUTION");
        assertThat(Policy.DEFAULT.stateFor(0.74).name()).isEqualTo("WARNING");
        assertThat(Policy.DEFAULT.stateFor(0.75).releases()).isEqualTo(Releases.FROZEN);
        assertThat(Policy.DEFAULT.stateFor(1.7).name()).isEqualTo("EXHAUSTED");
        assertThat(Policy.DEFAULT.stateFor(-0.1).name()).isEqualTo("FULL");
    }

    @Test
    @DisplayName("a file may replace the built-in default policy")
    void replacesDefaultPolicy() {
        Definitions definitions = Files.load("p.yaml", "policy:\n  name: default\n  states:\n    - { state: OK, from: 0% }\n    - { state: OUT, from: 100%, releases: frozen }\n").definitions();

        assertThat(definitions.policies()).extracting(Policy::name).containsExactly("default");
        assertThat(definitions.policy("default").orElseThrow().stateFor(1.0).name()).isEqualTo("OUT");
    }
}
