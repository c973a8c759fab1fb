package org.probefleet.coordinator.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.slo.Counts;

class DeployImpactTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    /** 50,000 events at a 99% target: a budget of 500 bad events, so 31 bad are 6.2% of it. */
    static final long BUDGET_EVENTS = 50_000;
    static final double ERROR_BUDGET = 0.01;

    @Test
    @DisplayName("a deploy's first hour is attributed to it: its share of the budget and its error rate against the hour before")
    void attributesTheFirstHour() {
        RecordedHistory history = new RecordedHistory();
        // The hour before: 10 bad in 600 (1/60); the first hour: 31 bad in 600 (3.1 times that).
        Deploy deploy = history.deploy("2026.11.3", NOW.minus(Duration.ofHours(3)), 10, 31, 0);

        DeployImpact impact = DeployImpact.of(deploy, history, NOW);

        assertThat(impact.firstHour()).isEqualTo(new Counts(569, 31));
        assertThat(impact.hourBefore()).isEqualTo(new Counts(590, 10));
        assertThat(impact.hourComplete()).isTrue();
        assertThat(impact.dayComplete()).isFalse();
        assertThat(impact.sentence("checkout-completion-rate", BUDGET_EVENTS, ERROR_BUDGET))
                .isEqualTo("2026.11.3 burned 6.2% of checkout-completion-rate's budget in its first hour, 3.1× the error rate of the hour before");
    }

    @Test
    @DisplayName("within its first hour the sentence says so; errors after an error-free hour have no multiple")
    void anHourStillRunning() {
        RecordedHistory history = new RecordedHistory();
        Instant at = NOW.minus(Duration.ofMinutes(40));
        history.events(at.plusSeconds(600), 95, 5);

        DeployImpact impact = DeployImpact.of(RecordedHistory.deploy("2026.11.4", at), history, NOW);

        assertThat(impact.multiple()).isEmpty();
        assertThat(impact.sentence("checkout-completion-rate", BUDGET_EVENTS, ERROR_BUDGET))
                .isEqualTo("2026.11.4 burned 1% of checkout-completion-rate's budget so far in its first hour, with errors where the hour before had none");
    }

    @Test
    @DisplayName("the deploy's own minute counts as after it: windows start at the minute it went out")
    void startsAtTheDeploysMinute() {
        RecordedHistory history = new RecordedHistory();
        Instant at = Instant.parse("2026-11-28T10:02:30Z");
        history.events(Instant.parse("2026-11-28T10:02:10Z"), 0, 1).events(Instant.parse("2026-11-28T10:02:00Z"), 0, 1);

        DeployImpact impact = DeployImpact.of(RecordedHistory.deploy("v", at), history, NOW);

        assertThat(impact.firstHour()).as("10:02:10 is in the deploy's minute").isEqualTo(new Counts(0, 1));
        assertThat(impact.hourBefore()).as("10:02:00 closes the minute before").isEqualTo(new Counts(0, 1));
    }

    @Test
    @DisplayName("percentages read with one decimal at most, and tiny shares are not rounded to nothing")
    void percentages() {
        assertThat(Percentages.of(0.062)).isEqualTo("6.2%");
        assertThat(Percentages.of(2.3333)).isEqualTo("233.3%");
        assertThat(Percentages.of(0.5)).isEqualTo("50%");
        assertThat(Percentages.of(0.0004)).isEqualTo("<0.1%");
        assertThat(Percentages.of(0)).isEqualTo("0%");
        assertThat(Percentages.multiple(3.14)).isEqualTo("3.1");
    }
}
