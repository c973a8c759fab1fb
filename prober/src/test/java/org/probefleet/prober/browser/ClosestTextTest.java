package org.probefleet.prober.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The visible line a failed text expectation shows instead, and how waits are written in its message. */
class ClosestTextTest {

    @Test
    @DisplayName("the closest line is the one with the fewest edits, ignoring case and blank lines")
    void closestLine() {
        String page = "Demo Shop\n\nCatalogue · Cart (1)\n  ORDER CONFIRMD #42  \nThank you for shopping\n";

        assertThat(ClosestText.among("Order confirmed #42", page)).hasValue("ORDER CONFIRMD #42");
        assertThat(ClosestText.among("Order confirmed", " \n\n")).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("edit distance counts insertions, deletions and substitutions")
    void distance() {
        assertThat(ClosestText.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestText.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestText.distance("same", "same")).isZero();
    }

    @Test
    @DisplayName("a wait reads as written in journeys: whole seconds, tenths, or milliseconds under a second")
    void seconds() {
        assertThat(StepEvidence.seconds(5_000)).isEqualTo("5s");
        assertThat(StepEvidence.seconds(1_500)).isEqualTo("1.5s");
        assertThat(StepEvidence.seconds(14_987.4)).isEqualTo("15s");
        assertThat(StepEvidence.seconds(250)).isEqualTo("250ms");
    }
}
