package org.probefleet.coordinator.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probefleet.coordinator.slo.Fixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;

/** One incident is one page, one failed run is no incident, and a budget at a line does not flap: minute by minute on a test clock. */
class HysteresisTest {

    static final List<String> REGIONS = List.of("ap-south", "eu-west", "us-east");
    static final Alert GLOBAL_PAGE = new Alert(Alert.Kind.BURN_RATE, Severity.PAGE, ScopeResult.GLOBAL);

    final SloEvaluator evaluator = new SloEvaluator();

    /** Three regions running every minute (region r at second 20r) from {@code from} to {@code to}; {@code bad} picks the failures. */
    static Fixtures.Traffic traffic(Instant from, Instant to, RunPredicate bad) {
        Fixtures.Traffic traffic = new Fixtures.Traffic();
        long minutes = Duration.between(from, to).toMinutes();
        for (int r = 0; r < REGIONS.size(); r++) {
            for (long minute = 0; minute < minutes; minute++) {
                Instant at = from.plus(Duration.ofMinutes(minute)).plusSeconds(20L * r);
                traffic.add(REGIONS.get(r), at, at.plusMillis(1), Duration.ofMinutes(1),
                        bad.test(r, at) ? Classification.BAD : Classification.GOOD);
            }
        }
        return traffic;
    }

    interface RunPredicate {
        boolean test(int region, Instant at);
    }

    /** Every event of stepping {@code input} through one tracker each minute over [from, to). */
    List<EngineEvent> step(SloInput input, AlertTracker tracker, Instant from, Instant to) {
        List<EngineEvent> events = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            events.addAll(tracker.update(evaluator.evaluate(input, t)).events());
        }
        return events;
    }

    @Test
    @DisplayName("12 h of a 2% error rate with the regions failing at different minutes is one page: it fires once and resolves once after recovery")
    void staggeredErrorRateIsOnePage() {
        Instant end = T0.plus(Duration.ofHours(12));
        // Each region fails one run in 50 (2%, 20x a 99.9% budget), the three 17 minutes apart, so quorum lines up only now and then.
        int[] offsets = {0, 17, 33};
        SloInput input = traffic(T0.minus(Duration.ofDays(3)), end.plus(Duration.ofHours(3)), (r, at) -> !at.isBefore(T0)
                && at.isBefore(end) && (Duration.between(T0, at).toMinutes() - offsets[r]) % 50 == 0)
                .input(Fixtures.slo(0.999, Duration.ofDays(30), 2, 3), REGIONS);
        AlertTracker tracker = new AlertTracker("FULL");

        List<EngineEvent> pages = step(input, tracker, T0, end.plus(Duration.ofHours(3))).stream()
                .filter(event -> event instanceof EngineEvent.AlertFiring f && f.alert().equals(GLOBAL_PAGE)
                        || event instanceof EngineEvent.AlertResolved r && r.alert().equals(GLOBAL_PAGE)).toList();

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).isInstanceOf(EngineEvent.AlertFiring.class);
        assertThat(pages.get(0).at()).isBefore(end);
        assertThat(pages.get(1)).isInstanceOf(EngineEvent.AlertResolved.class);
        // Resolved after recovery: the 30m window empties of failures, then the page holds for 30 minutes more.
        assertThat(pages.get(1).at()).isAfter(end).isBefore(end.plus(Duration.ofHours(1)).plusSeconds(1));
    }

    @Test
    @DisplayName("without the hold the same stream flaps: the evaluator's instantaneous page comes and goes")
    void instantaneousConditionFlaps() {
        Instant end = T0.plus(Duration.ofHours(12));
        int[] offsets = {0, 17, 33};
        SloInput input = traffic(T0.minus(Duration.ofDays(3)), end, (r, at) -> !at.isBefore(T0)
                && (Duration.between(T0, at).toMinutes() - offsets[r]) % 50 == 0)
                .input(Fixtures.slo(0.999, Duration.ofDays(30), 2, 3), REGIONS);
        int starts = 0;
        boolean was = false;
        for (Instant t = T0; t.isBefore(end); t = t.plus(Duration.ofMinutes(1))) {
            boolean is = evaluator.evaluate(input, t).firing().contains(GLOBAL_PAGE);
            starts += is && !was ? 1 : 0;
            was = is;
        }
        assertThat(starts).isGreaterThan(5);
    }

    @Test
    @DisplayName("one failed run in one region raises nothing; two in a row raise that region's ticket")
    void oneFailedRunIsNoIncident() {
        Instant failure = T0.plus(Duration.ofHours(16));
        Slo slo = Fixtures.slo(0.999, Duration.ofDays(30), 2, 3);
        // Planned runs, one a minute: two days of a 30-day window, so a failure moves no budget line.
        Optional<Duration> everyMinute = Optional.of(Duration.ofMinutes(1));
        SloInput one = traffic(T0, T0.plus(Duration.ofHours(48)), (r, at) -> r == 1 && at.equals(failure.plusSeconds(20)))
                .input(slo, REGIONS, everyMinute);
        SloInput two = traffic(T0, T0.plus(Duration.ofHours(48)), (r, at) -> r == 1
                && (at.equals(failure.plusSeconds(20)) || at.equals(failure.plusSeconds(80)))).input(slo, REGIONS, everyMinute);

        // The region's 1h/5m burn is 16.7x and 200x on one failure: enough rate, not enough evidence.
        assertThat(evaluator.evaluate(one, failure.plus(Duration.ofMinutes(1))).regions().get(1).pageCondition()).isTrue();
        assertThat(step(one, new AlertTracker("FULL"), T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(48)))).isEmpty();
        List<EngineEvent> events = step(two, new AlertTracker("FULL"), T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(48)));
        assertThat(events).filteredOn(EngineEvent.AlertFiring.class::isInstance).singleElement().satisfies(event -> {
            assertThat(event.at()).isEqualTo(failure.plus(Duration.ofMinutes(2)));
            assertThat(((EngineEvent.AlertFiring) event).alert()).isEqualTo(new Alert(Alert.Kind.BURN_RATE, Severity.TICKET, "eu-west"));
        });
    }

    @Test
    @DisplayName("a 1d SLO at a steady 0.5x burn settles in a state, instead of flipping each time a failure enters or leaves the window")
    void steadyBurnAtALineHoldsItsState() {
        // 99% over 1d: 4,320 runs a day, a budget of 43.2 bad runs; one run in 200 bad is 0.5x, so the day holds 21 or 22
        // failures: 48.6% or 50.9% consumed, across the WARNING line at 50% about 43 times a day without the band.
        Slo slo = Fixtures.slo(0.99, Duration.ofDays(1), 2, 3);
        SloInput input = traffic(T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)),
                (r, at) -> (Duration.between(T0, at).toMinutes() * 3 + r) % 200 == 0).input(slo, REGIONS);
        AlertTracker tracker = new AlertTracker("FULL");

        List<EngineEvent> changes = step(input, tracker, T0, T0.plus(Duration.ofDays(1))).stream()
                .filter(EngineEvent.StateChange.class::isInstance).toList();
        int plainChanges = 0;
        String plain = "FULL";
        for (Instant t = T0; t.isBefore(T0.plus(Duration.ofDays(1))); t = t.plus(Duration.ofMinutes(1))) {
            String now = Policy.DEFAULT.stateFor(evaluator.evaluate(input, t).global().consumed()).name();
            plainChanges += now.equals(plain) ? 0 : 1;
            plain = now;
        }

        assertThat(plainChanges).isGreaterThan(20);
        // FULL to CAUTION or WARNING at the first evaluation, at most once more up to WARNING, and never back.
        assertThat(changes).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(changes).extracting(change -> ((EngineEvent.StateChange) change).to()).isSubsetOf("CAUTION", "WARNING");
        assertThat(tracker.state()).isEqualTo("WARNING");
    }

    @Test
    @DisplayName("a state goes back only once the budget is clearly below its line: two points, or one bad event's share")
    void band() {
        // One event is 2.3% of the budget: back from WARNING (50%) at 47.7% or less.
        assertThat(StateBand.settle(Policy.DEFAULT, "WARNING", 0.48, 0.023).name()).isEqualTo("WARNING");
        assertThat(StateBand.settle(Policy.DEFAULT, "WARNING", 0.477, 0.023).name()).isEqualTo("CAUTION");
        // A small share: two points.
        assertThat(StateBand.settle(Policy.DEFAULT, "WARNING", 0.485, 0.001).name()).isEqualTo("WARNING");
        assertThat(StateBand.settle(Policy.DEFAULT, "WARNING", 0.48, 0.001).name()).isEqualTo("CAUTION");
        // Worse states are entered at the line; nothing consumed is always the first state.
        assertThat(StateBand.settle(Policy.DEFAULT, "CAUTION", 0.50, 0.3).name()).isEqualTo("WARNING");
        assertThat(StateBand.settle(Policy.DEFAULT, "EXHAUSTED", 0.0, 5.0).name()).isEqualTo("FULL");
        assertThat(StateBand.settle(Policy.DEFAULT, "EXHAUSTED", 0.1, 5.0).name()).isEqualTo("EXHAUSTED");
    }
}
