package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Slo;

class RumIndicatorTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a rum indicator without its journey", "slo:\n  name: s\n  indicator: { type: rum }\n  target: 0.99\n",
                        "s.yaml:3:14: a rum 'indicator' is missing 'journey'"),
                Arguments.of("a journey name that is not an id", "slo:\n  name: s\n  indicator:\n    type: rum\n    journey: Check Out\n  target: 0.99\n",
                        "s.yaml:5:14: rum journey 'Check Out' must be lower-case letters, digits and dashes, like checkout"),
                Arguments.of("a latency threshold, which beacons do not measure",
                        "slo:\n  name: s\n  indicator: { type: rum, journey: checkout, latency_threshold: 2s }\n  target: 0.99\n",
                        "s.yaml:3:46: unknown key 'latency_threshold': expected one of type, journey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("each mistake in a rum indicator is reported once, at its place")
    void reportsMistake(String description, String yaml, String expected) {
        assertThat(Files.problems("s.yaml", yaml)).containsExactly(expected);
    }

    @Test
    @DisplayName("a rum indicator names the journey its beacons report, which need not be a probed journey")
    void loads() {
        LoadResult result = Files.load("s.yaml", "slo:\n  name: checkout-real-users\n  indicator: { type: rum, journey: checkout }\n"
                + "  target: 0.98\n  owner: payments-team\n");

        assertThat(result.problems()).isEmpty();
        Slo slo = result.definitions().slos().get(0);
        assertThat(slo.indicator()).isEqualTo(new RumIndicator("checkout"));
        assertThat(slo.indicator().subject()).isEqualTo("checkout (real users)");
    }
}
