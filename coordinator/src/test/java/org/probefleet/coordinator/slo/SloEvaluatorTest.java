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
import org.probefleet.journeys.model.Mode;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.OutcomeStatus;

class SloEvaluatorTest {

    final SloEvaluator evaluator = new SloEvaluator();

    @Test
    @DisplayName("a 99.9% target and a 100% outage page on the 1h/5m pair after 0.864 minutes of continuous traffic")
    void workbookDetectionTime() {
        // One event a second, good for seven hours, then every event bad from T0 on.
        Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 2, 3);
        SloInput input = new Fixtures.Traffic()
                .add("eu-west", T0.minus(Duration.ofHours(7)), T0, Duration.ofSeconds(1), Classification.GOOD)
                .add("eu-west", T0, T0.plus(Duration.ofMinutes(10)), Duration.ofSeconds(1), Classification.BAD)
                .input(slo, List.of("eu-west"));

        // 0.864 min = 51.84 s: after 51 bad events e(1h) = 51/3600, a burn of 14.17; after 52 it is 14.44 > 14.4.
        SloSnapshot before = evaluator.evaluate(input, T0.plusSeconds(50));
        SloSnapshot after = evaluator.evaluate(input, T0.plusSeconds(51));

        assertThat(before.global().burn(Window.H1)).isCloseTo(51.0 / 3600 / 0.001, within(1e-9));
        // The slower ticket pairs already hold (3d/6h: 51/25251 burns 2.02 > 1); no page yet.
        assertThat(before.firing()).extracting(Alert::severity).doesNotContain(Severity.PAGE);
        assertThat(after.global().burn(Window.H1)).isCloseTo(52.0 / 3600 / 0.001, within(1e-9));
        assertThat(after.firing()).containsExactly(new Alert(Alert.Kind.BURN_RATE, Severity.PAGE, "global"));
    }

    @Test
    @DisplayName("a 5x burn empties a full 30-day budget in 6 days")
    void fiveTimesBurnExhaustsInSixDays() {
        assertThat(SloEvaluator.timeToExhaustion(1.0, Duration.ofDays(30), 5.0)).contains(Duration.ofDays(6));
        assertThat(SloEvaluator.timeToExhaustion(-0.1, Duration.ofDays(30), 5.0)).contains(Duration.ZERO);
        assertThat(SloEvaluator.timeToExhaustion(0.5, Duration.ofDays(30), 0.0)).isEmpty();
    }

    @Test
    @DisplayName("budget, SLI, burn and time to exhaustion match numbers worked by hand")
    void budgetByHand() {
        // 30 days at one event a minute: 43,140 good before the last hour; in the last hour 1,000 events, 5 bad.
        Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 1, 3);
        Instant now = T0;
        Instant lastHour = now.minus(Duration.ofHours(1));
        SloInput input = new Fixtures.Traffic()
                .add("eu-west", now.minus(Duration.ofDays(30)).plusSeconds(60), lastHour.plusSeconds(60), Duration.ofMinutes(1), Classification.GOOD)
                .add("eu-west", lastHour.plusMillis(3600), now.plusMillis(1), Duration.ofMillis(3600), Classification.GOOD)
                .input(slo, List.of("eu-west"));
        SloInput withBad = new Fixtures.Traffic()
                .add("eu-west", now.minus(Duration.ofDays(30)).plusSeconds(60), lastHour.plusSeconds(60), Duration.ofMinutes(1), Classification.GOOD)
                .add("eu-west", lastHour.plusMillis(3600), now.minus(Duration.ofMillis(5 * 3600)).plusMillis(1), Duration.ofMillis(3600), Classification.GOOD)
                .add("eu-west", now.minus(Duration.ofMillis(4 * 3600)), now.plusMillis(1), Duration.ofMillis(3600), Classification.SLOW)
                .input(slo, List.of("eu-west"));

        ScopeResult clean = evaluator.evaluate(input, now).global();
        ScopeResult burning = evaluator.evaluate(withBad, now).global();

        assertThat(clean.sloWindow()).isEqualTo(new Counts(43_140 + 1_000, 0));
        assertThat(burning.sloWindow()).isEqualTo(new Counts(44_135, 5));
        double consumed = 5.0 / 44_140 / 0.001;
        assertThat(burning.sli()).isCloseTo(44_135.0 / 44_140, within(1e-12));
        assertThat(burning.consumed()).isCloseTo(consumed, within(1e-12));
        assertThat(burning.remaining()).isCloseTo(1 - consumed, within(1e-12));
        assertThat(burning.burn(Window.H1)).isCloseTo(5.0, within(1e-9));
        assertThat(burning.timeToExhaustion()).contains(Duration.ofMillis(Math.round((1 - consumed) * Duration.ofDays(30).toMillis() / 5.0)));
        assertThat(burning.impact().revenueAtRisk()).isCloseTo(consumed * 100 * 45_000, within(1e-6));
        assertThat(burning.impact().usersAffected().getAsDouble()).isCloseTo(5.0 / 44_140 * 3200 * 720, within(1e-9));
        assertThat(burning.state().name()).isEqualTo("FULL");
    }

    @Test
    @DisplayName("a one-region outage never pages globally: it raises a ticket for that region")
    void oneRegionOutage() {
        Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 2, 3);
        SloInput input = regions(List.of("ap-south"));

        SloSnapshot snapshot = evaluator.evaluate(input, T0.plus(Duration.ofMinutes(30)));

        assertThat(snapshot.global().pageCondition()).isTrue();
        assertThat(snapshot.firing()).containsExactly(new Alert(Alert.Kind.BURN_RATE, Severity.TICKET, "ap-south"));
    }

    @Test
    @DisplayName("an outage in a quorum of regions pages globally and silences their region tickets")
    void quorumOutage() {
        SloSnapshot snapshot = evaluator.evaluate(regions(List.of("ap-south", "us-east")), T0.plus(Duration.ofMinutes(30)));

        assertThat(snapshot.firing()).containsExactly(new Alert(Alert.Kind.BURN_RATE, Severity.PAGE, "global"));
        assertThat(snapshot.regions()).filteredOn(ScopeResult::pageCondition).extracting(ScopeResult::scope)
                .containsExactly("ap-south", "us-east");
    }

    /** Three regions at one event a minute for a day, good; {@code failing} regions all bad from T0. */
    private SloInput regions(List<String> failing) {
        Fixtures.Traffic traffic = new Fixtures.Traffic();
        for (String region : List.of("ap-south", "eu-west", "us-east")) {
            traffic.add(region, T0.minus(Duration.ofDays(1)), T0, Duration.ofMinutes(1), Classification.GOOD);
            traffic.add(region, T0, T0.plus(Duration.ofHours(1)), Duration.ofMinutes(1),
                    failing.contains(region) ? Classification.BAD : Classification.GOOD);
        }
        return traffic.input(Fixtures.slo(0.999, Duration.ofDays(30), 2, 3), List.of("ap-south", "eu-west", "us-east"));
    }

    @Test
    @DisplayName("a window with fewer events than min_events cannot fire")
    void minEvents() {
        Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 1, 3);
        SloInput input = new Fixtures.Traffic()
                .add("eu-west", T0, T0.plus(Duration.ofMinutes(2)), Duration.ofMinutes(1), Classification.BAD)
                .input(slo, List.of("eu-west"));

        assertThat(evaluator.evaluate(input, T0.plus(Duration.ofMinutes(1))).firing()).isEmpty();
    }

    @Test
    @DisplayName("slow successes are bad; prober errors and shadow runs never count")
    void classification() {
        Optional<Duration> limit = Optional.of(Duration.ofSeconds(8));
        assertThat(Classification.of(OutcomeStatus.SUCCESS, 8000, limit, Mode.LIVE)).isEqualTo(Classification.GOOD);
        assertThat(Classification.of(OutcomeStatus.SUCCESS, 8001, limit, Mode.LIVE)).isEqualTo(Classification.SLOW);
        assertThat(Classification.of(OutcomeStatus.FAILURE, 10, limit, Mode.LIVE)).isEqualTo(Classification.BAD);
        assertThat(Classification.of(OutcomeStatus.PROBER_ERROR, 10, limit, Mode.LIVE).counts()).isFalse();
        assertThat(Classification.of(OutcomeStatus.FAILURE, 10, limit, Mode.SHADOW).counts()).isFalse();
    }

    @Test
    @DisplayName("a region silent for its no-data period is no_data, and silence is never counted good")
    void noData() {
        Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 2, 3);
        SloInput input = new Fixtures.Traffic()
                .add("eu-west", T0, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1), Classification.GOOD)
                .add("us-east", T0, T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(1), Classification.GOOD)
                .input(slo, List.of("eu-west", "us-east"));

        SloSnapshot snapshot = evaluator.evaluate(input, T0.plus(Duration.ofMinutes(13)));

        assertThat(snapshot.firing()).containsExactly(new Alert(Alert.Kind.NO_DATA, Severity.TICKET, "eu-west"));
        assertThat(snapshot.regions().get(0).sloWindow()).isEqualTo(new Counts(10, 0));
    }
}
