package org.probefleet.journeys.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1} ms and prints as {2}")
    @CsvSource({"500ms, 500, 500ms", "30s, 30000, 30s", "90s, 90000, 1m30s", "1h30m, 5400000, 1h30m",
            "30d, 2592000000, 30d", "2w, 1209600000, 14d", "0s, 0, 0s"})
    @DisplayName("durations read as written and print in their shortest form")
    void parsesAndFormats(String text, long millis, String formatted) {
        Duration duration = Durations.parse(text).orElseThrow();
        assertThat(duration.toMillis()).isEqualTo(millis);
        assertThat(Durations.format(duration)).isEqualTo(formatted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 minutes", "5", "m", "1.5h", "-1s", "", "99999999999999999999d"})
    @DisplayName("anything but number-unit pairs is rejected")
    void rejects(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }
}
