package org.probefleet.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The soak profile, bounded for CI: three minutes, two kills, one disk episode. */
class SoakIT {

    @Test
    @DisplayName("20 agents through two kill -9s and a full disk: every acknowledged outcome is stored, the disk episode answers 503 and recovers")
    void noAcknowledgedOutcomeIsLost() throws Exception {
        SoakBench.Settings settings = new SoakBench.Settings(20, Duration.ofMinutes(3), Duration.ofMinutes(1), Duration.ofSeconds(20),
                Duration.ofSeconds(3), 10, Path.of("../journeys/examples"));
        assertThat(settings.problem()).isEmpty();
        StringWriter text = new StringWriter();

        SoakReport report = new SoakBench(settings).run(new PrintWriter(text));

        System.out.println(text);
        assertThat(report.lost()).as("acknowledged but not stored").isZero();
        assertThat(report.unverified()).as("acknowledged but not readable").isZero();
        assertThat(report.stored()).isEqualTo(report.acknowledged()).isGreaterThan(1000);
        assertThat(report.restarts()).hasSize(3);
        assertThat(report.diskAnswers()).containsKey("503");
        assertThat(report.diskRecovery()).isPresent();
        assertThat(report.diskRecovery().get()).isLessThan(Duration.ofSeconds(30));
        assertThat(report.healthzFailures()).isZero();
        assertThat(report.passed()).isTrue();
    }
}
