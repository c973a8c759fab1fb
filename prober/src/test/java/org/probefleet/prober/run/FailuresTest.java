package org.probefleet.prober.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Whose fault a run's end is: decided by type, in one place. */
class FailuresTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("a prober fault a runner threw where it knew", new ProberFault("the browser has crashed"), OutcomeStatus.PROBER_ERROR),
                Arguments.of("a secret this agent does not hold", new Resolver.MissingValue("secret X is not set on this agent"),
                        OutcomeStatus.PROBER_ERROR),
                Arguments.of("the agent out of memory", new OutOfMemoryError("Java heap space"), OutcomeStatus.PROBER_ERROR),
                Arguments.of("a check of the target that did not hold", new IllegalStateException("expected HTTP 200, got 500"),
                        OutcomeStatus.FAILURE),
                Arguments.of("the target's host not resolving (the self-check decides if that is the agent's DNS)",
                        new UnknownHostException("shop.example"), OutcomeStatus.FAILURE),
                Arguments.of("a message that merely mentions the driver", new IOException("the driver's licence page answered 500"),
                        OutcomeStatus.FAILURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    @DisplayName("prober faults and the agent's own memory are prober errors; anything else is the target's failure")
    void classifies(String what, Throwable error, OutcomeStatus expected) {
        assertThat(Failures.classify(error)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a failure reported while the self-check fails is a prober error; success and prober errors stay as they are")
    void selfCheck() {
        assertThat(Failures.reported(OutcomeStatus.FAILURE, false)).isEqualTo(OutcomeStatus.PROBER_ERROR);
        assertThat(Failures.reported(OutcomeStatus.FAILURE, true)).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(Failures.reported(OutcomeStatus.SUCCESS, false)).isEqualTo(OutcomeStatus.SUCCESS);
        assertThat(Failures.reported(OutcomeStatus.PROBER_ERROR, true)).isEqualTo(OutcomeStatus.PROBER_ERROR);
    }

    @Test
    @DisplayName("a prober fault made from an error says what the error said, so the outcome reads the same")
    void keepsTheCauseMessage() {
        Secrets secrets = new Secrets(name -> null, Map.of());
        ProberFault fault = new ProberFault(new IllegalStateException("Target page, context or browser has been closed"));

        assertThat(Failures.oneLine(fault, secrets)).isEqualTo("Target page, context or browser has been closed");
        assertThat(Failures.oneLine(new ProberFault(new IllegalStateException()), secrets)).isEqualTo("IllegalStateException");
    }
}
