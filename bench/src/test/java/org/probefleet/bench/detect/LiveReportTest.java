package org.probefleet.bench.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveReportTest {

    static TrialResult full(int number, long pageSeconds) {
        return new TrialResult(new Trial(Trial.Kind.FULL_OUTAGE, number, Duration.ZERO, Optional.empty()),
                Optional.of(Duration.ofSeconds(pageSeconds)), 1, 1, List.of("ProbefleetSLOPage global"));
    }

    static TrialResult oneRegion(int pages) {
        return new TrialResult(new Trial(Trial.Kind.ONE_REGION, 1, Duration.ZERO, Optional.of("us-east")), Optional.empty(), pages, pages + 1,
                List.of("ProbefleetSLORegionTicket us-east"));
    }

    static TrialResult blip(int alerts) {
        return new TrialResult(new Trial(Trial.Kind.BLIP, 1, Duration.ZERO, Optional.of("eu-west")), Optional.empty(), 0, alerts, List.of());
    }

    @Test
    @DisplayName("a region ticket is fine for a one-region outage; its page, a blip's alert or a full outage without a page fails the run")
    void verdict() {
        assertThat(new LiveReport(List.of(full(1, 61), oneRegion(0), blip(0))).passed()).isTrue();
        assertThat(new LiveReport(List.of(full(1, 61), oneRegion(1), blip(0))).passed()).isFalse();
        assertThat(new LiveReport(List.of(full(1, 61), oneRegion(0), blip(1))).passed()).isFalse();
        TrialResult silent = new TrialResult(new Trial(Trial.Kind.FULL_OUTAGE, 2, Duration.ZERO, Optional.empty()), Optional.empty(), 0, 0,
                List.of());
        assertThat(new LiveReport(List.of(full(1, 61), silent)).passed()).isFalse();
    }

    @Test
    @DisplayName("the summary gives the median as the modelled bench takes it, the max, and whether the targets are met")
    void summary() {
        LiveReport report = new LiveReport(List.of(full(1, 70), full(2, 58), full(3, 62), full(4, 65), oneRegion(0), blip(0)));
        StringWriter text = new StringWriter();

        report.print(new PrintWriter(text));

        assertThat(text.toString()).contains("| full outage | 4 | 65.0 s | 70.0 s | 4 | 4 | every region fails until the page; must page | 4 of 4 |")
                .contains("| one-region outage | 1 | - | - | 0 | 1 |")
                .contains("target (median <= 30 s, max <= 60 s): not met")
                .contains("every trial as required");
    }
}
