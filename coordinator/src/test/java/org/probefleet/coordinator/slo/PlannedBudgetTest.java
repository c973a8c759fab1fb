package org.probefleet.coordinator.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.probefleet.coordinator.slo.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.view.EngineJson;
import org.probefleet.journeys.model.Slo;

/** A fresh SLO's budget is a share of the runs its window will hold, not of the handful seen so far. */
class PlannedBudgetTest {

    static final List<String> REGIONS = List.of("ap-south", "eu-west", "us-east");
    final Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 2, 3);

    @Test
    @DisplayName("ten minutes into a 30-day SLO, one failed run of 30 is 1/129.6 of the budget, not 3,333%")
    void freshSloCountsPlannedRuns() {
        Instant now = T0.plus(Duration.ofMinutes(10));
        SloInput input = HysteresisTest.traffic(T0, now, (r, at) -> r == 0 && at.equals(T0.plus(Duration.ofMinutes(4))))
                .input(slo, REGIONS, Optional.of(Duration.ofMinutes(1)));

        ScopeResult global = new SloEvaluator().evaluate(input, now).global();

        // Planned: 3 regions × 43,200 runs (30 days at one a minute) = 129,600; the budget is 129.6 bad runs.
        assertThat(global.sloWindow()).isEqualTo(new Counts(29, 1));
        assertThat(global.plannedEvents()).isEqualTo(129_600);
        assertThat(global.budgetBasis()).isEqualTo(ScopeResult.BudgetBasis.PLANNED);
        assertThat(global.consumed()).isCloseTo(1 / 129.6, within(1e-12));
        assertThat(global.remaining()).isCloseTo(1 - 1 / 129.6, within(1e-12));
        assertThat(global.state().name()).isEqualTo("FULL");
        // $45,000 per 1% of the budget; 3,200 users an hour over 720 hours, of whom 1 in 129,600 were failed.
        assertThat(global.impact().revenueAtRisk()).isCloseTo(100 / 129.6 * 45_000, within(1e-6));
        assertThat(global.impact().usersAffected().getAsDouble()).isCloseTo(3200.0 * 720 / 129_600, within(1e-9));
        assertThat(global.sli()).isCloseTo(29.0 / 30, within(1e-12));
        ScopeResult apSouth = new SloEvaluator().evaluate(input, now).regions().get(0);
        assertThat(apSouth.plannedEvents()).isEqualTo(43_200);
        assertThat(apSouth.consumed()).isCloseTo(1 / 43.2, within(1e-12));

        assertThat(EngineJson.scope(slo.name(), global).get("budget_basis").asText()).isEqualTo("planned");
        assertThat(EngineJson.scope(slo.name(), global).get("planned_events").asLong()).isEqualTo(129_600);
    }

    @Test
    @DisplayName("once the window holds its planned runs the budget is the observed figure, as before")
    void fullWindowCountsObservedRuns() {
        Instant now = T0.plus(Duration.ofDays(30));
        // Runs from one second after T0, so the window (now − 30d, now] holds every one of them.
        SloInput input = HysteresisTest.traffic(T0.plusSeconds(1), now.plusSeconds(1),
                        (r, at) -> r == 0 && at.equals(T0.plus(Duration.ofDays(29)).plusSeconds(1)))
                .input(slo, REGIONS, Optional.of(Duration.ofMinutes(1)));

        ScopeResult global = new SloEvaluator().evaluate(input, now).global();

        assertThat(global.sloWindow().total()).isEqualTo(129_600);
        assertThat(global.budgetBasis()).isEqualTo(ScopeResult.BudgetBasis.OBSERVED);
        assertThat(global.consumed()).isCloseTo(global.sloWindow().errorRatio() / slo.errorBudget(), within(1e-12));
        assertThat(global.consumed()).isCloseTo(1 / 129.6, within(1e-12));
    }

    @Test
    @DisplayName("without a fixed schedule the budget is a share of the observed events")
    void cronCountsObservedRuns() {
        Instant now = T0.plus(Duration.ofMinutes(10));
        SloInput input = HysteresisTest.traffic(T0, now, (r, at) -> r == 0 && at.equals(T0.plus(Duration.ofMinutes(4))))
                .input(slo, REGIONS);

        ScopeResult global = new SloEvaluator().evaluate(input, now).global();

        assertThat(global.budgetBasis()).isEqualTo(ScopeResult.BudgetBasis.OBSERVED);
        assertThat(global.consumed()).isCloseTo(1 / 30.0 / 0.001, within(1e-9));
        assertThat(EngineJson.scope(slo.name(), global).get("planned_events").isNull()).isTrue();
    }
}
