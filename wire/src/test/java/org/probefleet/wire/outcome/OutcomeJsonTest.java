package org.probefleet.wire.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T10:15:30Z", "2026-11-28T10:15:30.1Z", "2026-11-28T10:15:30.123Z",
            "2026-11-28T10:15:30.123456789Z", "2024-02-29T23:59:59.000001Z", "1970-01-01T00:00:00Z",
            "2026-12-31T00:00:00.5Z", "2026-11-28T10:15:30+01:00", "+12026-11-28T10:15:30Z", "2026-11-28T23:59:60Z",
            "2026-11-28T24:00:00Z", "2026-11-28T10:15:30.Z"})
    void readsInstantsAsTheGeneralParserDoes(String text) {
        assertThat(OutcomeJson.parseInstant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z", "2026-11-28T10:60:30Z",
            "2026-11-28T10:15:30.1234567890Z", "2026-11-2aT10:15:30Z", "2026-11-28 10:15:30Z",
            "2026-11-28T10:15:30", "yesterday", "-026-11-28T10:15:30Z"})
    void refusesWhatTheGeneralParserRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> OutcomeJson.parseInstant(text)).isInstanceOf(DateTimeException.class);
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("a confirmation run says so on the wire; a scheduled one leaves the field out; another value is refused")
    void triggerRoundTrips() {
        Outcome scheduled = new Outcome(java.util.UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.parse("2026-11-30T12:00:00Z"),
                1000, OutcomeStatus.FAILURE, 1, java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(), java.util.Map.of());
        Outcome confirmation = scheduled.withTrigger(RunTrigger.CONFIRMATION);
        java.util.List<String> problems = new java.util.ArrayList<>();

        assertThat(OutcomeJson.write(scheduled).has("trigger")).isFalse();
        assertThat(OutcomeJson.write(confirmation).path("trigger").asText()).isEqualTo("confirmation");
        assertThat(OutcomeJson.readText(OutcomeJson.write(confirmation).toString(), "", problems)).contains(confirmation);
        assertThat(OutcomeJson.readText(OutcomeJson.write(scheduled).put("trigger", "manual").toString(), "outcomes[0]", problems)).isEmpty();
        assertThat(problems).containsExactly("outcomes[0].trigger: must be 'schedule' or 'confirmation', not 'manual'");
    }
}
