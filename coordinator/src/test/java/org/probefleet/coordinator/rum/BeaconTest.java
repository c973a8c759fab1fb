package org.probefleet.coordinator.rum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeaconTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not an object              | []                                                                    | send one JSON object {\"journey\", \"event\", \"page\"}",
            "a field beyond the three   | {\"journey\":\"checkout\",\"event\":\"start\",\"page\":\"0123456789abcdef\",\"user\":1} | unknown field 'user': a beacon has only journey, event and page",
            "a missing page             | {\"journey\":\"checkout\",\"event\":\"start\"}                         | 'page' must be a string",
            "an unknown event           | {\"journey\":\"checkout\",\"event\":\"pay\",\"page\":\"0123456789abcdef\"} | event 'pay' must be start, complete or fail",
            "a page id that is no id    | {\"journey\":\"checkout\",\"event\":\"fail\",\"page\":\"someone@example\"} | page must be 16 lower-case hex digits, not 'someone@example'"})
    @DisplayName("a beacon that is not exactly journey, event and page is refused with the reason")
    void refuses(String description, String body, String problem) throws Exception {
        Beacon.Read read = Beacon.read(JSON.readTree(body));

        assertThat(read.beacon()).isEmpty();
        assertThat(read.problem()).isEqualTo(problem);
    }

    @Test
    @DisplayName("a page is in the sample when its id, read as a fraction, is below the site's share")
    void samplesByPageId() {
        Beacon low = new Beacon("checkout", Beacon.Event.START, "3fffffff00000000");
        Beacon high = new Beacon("checkout", Beacon.Event.START, "c000000000000000");

        assertThat(low.sampled(0.25)).isTrue();
        assertThat(high.sampled(0.25)).isFalse();
        assertThat(high.sampled(1.0)).isTrue();
    }

    @Test
    @DisplayName("the token bucket lets a second's worth through, then one per refill")
    void rateLimiter() {
        long[] now = {5_000_000_000L};
        RateLimiter limiter = new RateLimiter(10, () -> now[0]);

        long first = java.util.stream.IntStream.range(0, 15).filter(i -> limiter.tryAcquire()).count();
        now[0] += 100_000_000L;

        assertThat(first).isEqualTo(10);
        assertThat(limiter.tryAcquire()).isTrue();
        assertThat(limiter.tryAcquire()).isFalse();
    }
}
