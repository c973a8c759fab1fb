package org.probefleet.coordinator.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.release.Deploy;

class BudgetLedgerTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Instant DEPLOYED = NOW.minus(Duration.ofDays(3));
    /** 10,000 events at a 99% target: a budget of 100 bad events, so each bad event is 1% of it. */
    static final long BUDGET_EVENTS = 10_000;

    /**
     * A release's first hour (eu-west: 10 failed), an incident hour (us-east: 20 failed and 5 slow
     * in 65), a quiet hour (eu-west: 3 failed, 2 slow in 1,005) and the last two hours (ap-south:
     * 4 failed, 1 slow in 505): 45 bad events, 45% of the budget.
     */
    static BudgetLedger ledger() {
        List<BudgetLedger.Minute> minutes = List.of(
                new BudgetLedger.Minute(DEPLOYED.plus(Duration.ofMinutes(10)), "eu-west", 90, 10, 0),
                new BudgetLedger.Minute(NOW.minus(Duration.ofDays(2)), "us-east", 40, 20, 5),
                new BudgetLedger.Minute(NOW.minus(Duration.ofHours(26)), "eu-west", 1_000, 3, 2),
                new BudgetLedger.Minute(NOW.minus(Duration.ofHours(2)), "ap-south", 500, 4, 1));
        List<BudgetLedger.FailedRun> failures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            failures.add(new BudgetLedger.FailedRun(DEPLOYED.plus(Duration.ofMinutes(10)), "eu-west", "pay"));
        }
        for (int i = 0; i < 20; i++) {
            failures.add(new BudgetLedger.FailedRun(NOW.minus(Duration.ofDays(2)), "us-east", "login"));
        }
        Deploy deploy = new Deploy(UUID.randomUUID(), "2026.11.3", DEPLOYED, "ci", Optional.empty(), List.of(), List.of());
        return BudgetLedger.of(minutes, List.of(deploy), failures, BUDGET_EVENTS, 0.01, Duration.ofDays(30), NOW);
    }

    @Test
    @DisplayName("every bad event lands in one cause: a release's first hour, an incident hour, a slow run or another failure")
    void causes() {
        BudgetLedger ledger = ledger();

        assertThat(ledger.consumed()).isCloseTo(0.45, within(1e-9));
        assertThat(ledger.remaining()).isCloseTo(0.55, within(1e-9));
        assertThat(ledger.causes()).containsExactly(new BudgetLedger.Line("incidents", 25, 0.25),
                new BudgetLedger.Line("release 2026.11.3", 10, 0.10), new BudgetLedger.Line("other failures", 7, 0.07),
                new BudgetLedger.Line("slow runs", 3, 0.03));
    }

    @Test
    @DisplayName("the causes, the regions and the steps each add up to the consumed budget")
    void everyBreakdownAddsUp() {
        BudgetLedger ledger = ledger();

        for (List<BudgetLedger.Line> breakdown : List.of(ledger.causes(), ledger.byRegion(), ledger.byStep())) {
            assertThat(breakdown.stream().mapToDouble(BudgetLedger.Line::share).sum()).isCloseTo(ledger.consumed(), within(1e-9));
        }
        assertThat(ledger.byRegion()).extracting(BudgetLedger.Line::name, BudgetLedger.Line::bad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("us-east", 25L), org.assertj.core.groups.Tuple.tuple("eu-west", 15L),
                        org.assertj.core.groups.Tuple.tuple("ap-south", 5L));
        assertThat(ledger.byStep()).extracting(BudgetLedger.Line::name, BudgetLedger.Line::bad)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("login", 20L), org.assertj.core.groups.Tuple.tuple("(not listed)", 9L),
                        org.assertj.core.groups.Tuple.tuple("(slow runs)", 8L), org.assertj.core.groups.Tuple.tuple("pay", 8L));
    }

    @Test
    @DisplayName("the forecast adds the last day's rate for the days of the window still to come")
    void forecast() {
        BudgetLedger ledger = ledger();

        assertThat(ledger.lastDay()).isCloseTo(0.05, within(1e-9));
        // 2 days 23 h 50 min with data: 27 days 10 minutes to come at 5% a day.
        assertThat(ledger.forecast()).isCloseTo(0.45 + 0.05 * (27 + 10.0 / 1440), within(1e-9));
        assertThat(ledger.sentence()).isEqualTo("45% of the 30-day budget consumed in the first 2 days of the window;"
                + " at the last day's rate (5% a day) the window ends at 180%.");
    }
}
