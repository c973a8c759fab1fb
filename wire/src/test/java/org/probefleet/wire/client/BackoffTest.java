package org.probefleet.wire.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A generator pinned to one value: 0.5 means no jitter, 0 the low edge, just under 1 the high edge. */
    static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    @DisplayName("delays double from the base up to the cap, spread by at most 20% either way")
    void doublesWithJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

        assertThat(backoff.delay(1, fixed(0.5))).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, fixed(0.5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(4, fixed(0.5))).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(20, fixed(0.5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delay(1, fixed(0.0))).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(1, fixed(0.999999))).isEqualTo(Duration.ofMillis(600));
    }
}
