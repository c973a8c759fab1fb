package org.probefleet.coordinator.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.model.Policy;

class ReleaseEstimateTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    /** 10,000 events at a 99% target: a budget of 100 bad events, so each bad event is 1% of it. */
    static final long BUDGET_EVENTS = 10_000;
    static final double ERROR_BUDGET = 0.01;

    /**
     * Five releases, each with 3 bad in 600 the hour before, then 6, 9, 3, 12 and 15 bad in their
     * first hour (2×, 3×, 1×, 4×, 5× the error rate; 6%, 9%, 3%, 12%, 15% of the budget) and 2 more
     * bad later that day (8%, 11%, 5%, 14%, 17%); one more release went out an hour ago and is not past yet.
     */
    static List<DeployImpact> history() {
        RecordedHistory history = new RecordedHistory();
        long[] firstHour = {6, 9, 3, 12, 15};
        List<Deploy> deploys = new java.util.ArrayList<>();
        for (int i = 0; i < firstHour.length; i++) {
            deploys.add(history.deploy("2026.11." + i, NOW.minus(Duration.ofDays(2L + 2 * i)), 3, firstHour[i], 2));
        }
        deploys.add(history.deploy("2026.11.9", NOW.minus(Duration.ofHours(1)), 3, 60, 0));
        return deploys.stream().map(deploy -> DeployImpact.of(deploy, history, NOW)).toList();
    }

    @Test
    @DisplayName("past releases give the median and p90 (nearest rank) of the first hour's error multiple and of the budget spent")
    void fromHistory() {
        ReleaseEstimate estimate = ReleaseEstimate.of("checkout-completion-rate", Policy.DEFAULT, ERROR_BUDGET, 0.20, BUDGET_EVENTS, history());

        assertThat(estimate.releases()).isEqualTo(5);
        assertThat(estimate.fromHistory()).isTrue();
        assertThat(estimate.multiple().orElseThrow().median()).isCloseTo(3, within(1e-9));
        assertThat(estimate.multiple().orElseThrow().p90()).isCloseTo(5, within(1e-9));
        assertThat(estimate.firstHour().median()).isCloseTo(0.09, within(1e-9));
        assertThat(estimate.firstHour().p90()).isCloseTo(0.15, within(1e-9));
        assertThat(estimate.firstDay().median()).isCloseTo(0.11, within(1e-9));
        assertThat(estimate.firstDay().p90()).isCloseTo(0.17, within(1e-9));
        assertThat(estimate.afterP90()).isCloseTo(0.37, within(1e-9));
        assertThat(estimate.stateAfterP90().name()).isEqualTo("CAUTION");
        assertThat(estimate.p90Blocks()).isFalse();
        assertThat(estimate.sentence()).isEqualTo("The last 5 releases of checkout-completion-rate showed 3× (p90 5×) the error rate in the"
                + " first hour and spent 9% (p90 15%) of the budget in the first hour, 11% (p90 17%) in the first day. After a p90 release"
                + " checkout-completion-rate would be CAUTION (37% consumed): releases review.");
    }

    @Test
    @DisplayName("a p90 release that would take the SLO into a frozen state blocks")
    void p90Blocks() {
        ReleaseEstimate estimate = ReleaseEstimate.of("checkout-completion-rate", Policy.DEFAULT, ERROR_BUDGET, 0.60, BUDGET_EVENTS, history());

        assertThat(estimate.afterP90()).isCloseTo(0.77, within(1e-9));
        assertThat(estimate.stateAfterP90().name()).isEqualTo("CRITICAL");
        assertThat(estimate.p90Blocks()).isTrue();
    }

    @Test
    @DisplayName("with fewer than three past releases the estimate says so and uses the stated default")
    void tooFewReleases() {
        ReleaseEstimate estimate = ReleaseEstimate.of("checkout-completion-rate", Policy.DEFAULT, ERROR_BUDGET, 0.20, BUDGET_EVENTS,
                history().subList(3, 6));

        assertThat(estimate.releases()).isEqualTo(2);
        assertThat(estimate.fromHistory()).isFalse();
        assertThat(estimate.firstDay()).isEqualTo(ReleaseEstimate.DEFAULT.firstDay());
        assertThat(estimate.afterP90()).isCloseTo(0.30, within(1e-9));
        assertThat(estimate.sentence()).isEqualTo("Only 2 past releases of checkout-completion-rate on record (3 needed), so this assumes the"
                + " default: 2× (p90 3×) the error rate in the first hour and spent 5% (p90 10%) of the budget in the first hour, 5% (p90 10%)"
                + " in the first day. After a p90 release checkout-completion-rate would be CAUTION (30% consumed): releases review.");
    }
}
