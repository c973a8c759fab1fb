package org.probefleet.prober.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeStatus;

class ScheduleTest {

    static Journey journey(String id, String schedule) {
        return DefinitionLoader.load(List.of(new SourceFile(id + ".yaml", "journey: " + id + "\nschedule: " + schedule
                + "\nkind: http\nsteps:\n  - request: { path: /x }\n"))).definitions().journeys().get(0);
    }

    @Test
    @DisplayName("the spread offset is deterministic per journey, within the spread, and differs between journeys")
    void spreadOffsets() {
        Duration spread = Duration.ofSeconds(20);
        List<Duration> offsets = new ArrayList<>();
        for (String id : List.of("checkout", "login", "search", "catalog-api")) {
            Duration offset = Spread.offset(id, spread);
            assertThat(offset).isEqualTo(Spread.offset(id, spread)).isLessThan(spread).isGreaterThanOrEqualTo(Duration.ZERO);
            offsets.add(offset);
        }
        assertThat(offsets).doesNotHaveDuplicates();
        assertThat(Spread.offset("checkout", Duration.ZERO)).isZero();
    }

    @Test
    @DisplayName("the first start is the next point of the interval grid shifted by the offset")
    void firstStart() {
        Instant now = Instant.parse("2026-11-28T12:00:07Z");
        assertThat(Spread.firstStart(now, Duration.ofMinutes(1), Duration.ofSeconds(20))).isEqualTo(Instant.parse("2026-11-28T12:00:20Z"));
        assertThat(Spread.firstStart(now, Duration.ofMinutes(1), Duration.ofSeconds(5))).isEqualTo(Instant.parse("2026-11-28T12:01:05Z"));
        assertThat(Spread.firstStart(Instant.parse("2026-11-28T12:00:05Z"), Duration.ofMinutes(1), Duration.ofSeconds(5)))
                .isEqualTo(Instant.parse("2026-11-28T12:00:05Z"));
    }

    @Test
    @DisplayName("artifacts are kept for the first failure of an incident and the first recovery only")
    void incidents() {
        IncidentTracker tracker = new IncidentTracker();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1)).isTrue();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.PROBER_ERROR, 1)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1)).isTrue();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 2)).isTrue();
    }

    @Test
    @DisplayName("a journey never runs twice at once, and runs due while it still runs are skipped, not made up")
    void neverConcurrentNeverBurst() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Instant> starts = new CopyOnWriteArrayList<>();
        try (JourneyScheduler scheduler = new JourneyScheduler(4, (journey, planned, actual) -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            starts.add(actual);
            // A run that takes three intervals: two of the next three fire times pass while it runs.
            Awaitility.await().pollDelay(Duration.ofMillis(2900)).atMost(Duration.ofSeconds(4)).until(() -> true);
            running.decrementAndGet();
        })) {
            scheduler.schedule(List.of(journey("slow", "{ every: 1s, spread: 0s }")), Instant.now());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> starts.size() >= 3);
            assertThat(overlaps.get()).isZero();
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(2800));
            }
            assertThat(scheduler.missed()).isPositive();
        }
    }

    @Test
    @DisplayName("rescheduling keeps unchanged journeys, adds new ones and stops removed ones")
    void reschedules() {
        try (JourneyScheduler scheduler = new JourneyScheduler(2, (journey, planned, actual) -> { })) {
            scheduler.schedule(List.of(journey("a", "{ every: 1m }"), journey("b", "{ cron: \"0 */5 * * * ?\" }")), Instant.now());
            assertThat(scheduler.journeys()).containsExactly("a", "b");
            scheduler.schedule(List.of(journey("b", "{ cron: \"0 */5 * * * ?\" }"), journey("c", "{ every: 30s }")), Instant.now());
            assertThat(scheduler.journeys()).containsExactly("b", "c");
        }
    }
}
