package org.probefleet.coordinator.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.probefleet.coordinator.slo.Fixtures.T0;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.probefleet.journeys.model.Slo;

class AlertWindowsTest {

    @Test
    @DisplayName("30 days is the SRE workbook's table, as Sloth's google-30d: 2%, 5%, 10%, 10% of the budget")
    void thirtyDaysAreTheWorkbooks() {
        List<AlertRule> rules = AlertWindows.forPeriod(Duration.ofDays(30));

        assertThat(rules).extracting(AlertRule::threshold).containsExactly(14.4, 6.0, 3.0, 1.0);
        assertThat(rules).extracting(rule -> rule.longWindow().name() + "/" + rule.shortWindow().name())
                .containsExactly("1h/5m", "6h/30m", "1d/2h", "3d/6h");
        assertThat(rules).extracting(rule -> rule.budgetFraction(Duration.ofDays(30)))
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
                .containsExactly(0.02, 0.05, 0.10, 0.10);
    }

    @Test
    @DisplayName("28 days is Sloth's google-28d, except its 3d/6h ticket at 0.933x, which would fire while the SLO is met")
    void twentyEightDaysAreSloths() {
        List<AlertRule> rules = AlertWindows.forPeriod(Duration.ofDays(28));

        // Sloth: 2%, 5%, 10%, 10% of a 28-day budget, so 13.44, 5.6, 2.8 and 0.1 × 28 / 3 = 0.933; the last is raised to 1.
        assertThat(rules).extracting(AlertRule::threshold).containsExactly(13.44, 5.6, 2.8, 1.0);
        assertThat(rules.get(0).budgetFraction(Duration.ofDays(28))).isCloseTo(0.02, within(1e-12));
        assertThat(rules.get(2).budgetFraction(Duration.ofDays(28))).isCloseTo(0.10, within(1e-12));
    }

    @Test
    @DisplayName("for every window from 1d to 90d no alert condition is below 1x burn and no rule looks back past the window")
    void neverBelowOneTimesBurn() {
        IntStream.rangeClosed(1, 90).mapToObj(Duration::ofDays).forEach(period -> {
            assertThat(AlertWindows.forPeriod(period)).as(period.toString()).isNotEmpty().allSatisfy(rule -> {
                assertThat(rule.threshold()).as(period + " " + rule).isGreaterThanOrEqualTo(1.0);
                assertThat(rule.longWindow().length()).as(period + " " + rule).isLessThanOrEqualTo(period);
                assertThat(rule.shortWindow().length()).isLessThan(rule.longWindow().length());
            });
            assertThat(AlertWindows.forPeriod(period)).extracting(AlertRule::severity).contains(Severity.PAGE, Severity.TICKET);
        });
    }

    @Test
    @DisplayName("a rule below 1x burn cannot be built")
    void belowOneIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertRule(Severity.TICKET, Window.D3, Window.H6, 0.98))
                .hasMessage("a burn-rate threshold below 1 alerts while the SLO is met, got 0.98");
    }

    @ParameterizedTest(name = "{0}d")
    @ValueSource(ints = {1, 2, 7, 14, 28, 30, 90})
    @DisplayName("a steady burn of exactly 1x raises nothing, whatever the SLO window")
    void steadyOneTimesBurnIsQuiet(int days) {
        // Target 75%: every fourth run bad is exactly 1x in every window that holds whole minutes (no rounding in 0.25).
        Slo slo = Fixtures.slo(0.75, Duration.ofDays(days), 1, 3);
        Fixtures.Traffic traffic = new Fixtures.Traffic();
        for (int minute = 0; minute < 4 * 24 * 60; minute++) {
            traffic.add("eu-west", T0.plus(Duration.ofMinutes(minute)), T0.plus(Duration.ofMinutes(minute)).plusMillis(1),
                    Duration.ofMinutes(1), minute % 4 == 0 ? Classification.BAD : Classification.GOOD);
        }
        SloInput input = traffic.input(slo, List.of("eu-west"));
        SloEvaluator evaluator = new SloEvaluator();

        // From day three on, every long window (1h, 6h, 1d, 3d: multiples of 4 minutes) is full and burns exactly 1x.
        for (int minute = 3 * 24 * 60; minute < 4 * 24 * 60; minute += 7) {
            SloSnapshot snapshot = evaluator.evaluate(input, T0.plus(Duration.ofMinutes(minute)));
            assertThat(snapshot.firing()).as("minute " + minute).isEmpty();
        }
    }
}
