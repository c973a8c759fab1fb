package org.probefleet.prober.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
import org.probefleet.prober.run.Evidence;
import org.probefleet.wire.outcome.OutcomeStatus;

class ScheduleTest {

    static Journey journey(String id, String schedule) {
        return DefinitionLoader.load(List.of(new SourceFile(id + ".yaml", "journey: " + id + "\nschedule: " + schedule
                + "\nkind: http\nsteps:\n  - request: { path: /x }\n"))).definitions().journeys().get(0);
    }

    @Test
    @DisplayName("the regions of an every journey run a third of a minute apart; a cron journey and an unlisted region keep the spread offset")
    void regionsAreStaggered() {
        Journey every = DefinitionLoader.load(List.of(new SourceFile("checkout.yaml", "journey: checkout\nschedule: { every: 1m }"
                + "\nregions: [us-east, eu-west, ap-south]\nkind: http\nsteps:\n  - request: { path: /x }\n"))).definitions().journeys().get(0);

        long base = Spread.offset("checkout", every.schedule().spread()).toMillis();

        assertThat(Spread.offset(every, "ap-south")).isEqualTo(Duration.ofMillis(base));
        assertThat(Spread.offset(every, "eu-west")).isEqualTo(Duration.ofMillis((base + 20_000) % 60_000));
        assertThat(Spread.offset(every, "us-east")).isEqualTo(Duration.ofMillis((base + 40_000) % 60_000));
        assertThat(Spread.offset(every, "sa-east")).isEqualTo(Duration.ofMillis(base));
        assertThat(Spread.offset(journey("nightly", "{ cron: \"0 0 3 * * ?\", spread: 20s }"), "eu-west"))
                .isEqualTo(Spread.offset("nightly", Duration.ofSeconds(20)));
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
    @DisplayName("an agent's journeys on one lane and grid start at even shares of their spread; other lanes, grids and cron keep theirs")
    void evenOffsets() {
        List<Journey> checkouts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            checkouts.add(DefinitionLoader.load(List.of(new SourceFile("c" + i + ".yaml", "journey: checkout-" + i
                    + "\nschedule: { every: 1m }\nkind: browser\nsteps:\n  - goto: /\n"))).definitions().journeys().get(0));
        }
        Journey api = journey("api", "{ every: 1m }");
        Journey nightly = journey("nightly", "{ cron: \"0 0 3 * * ?\", spread: 20s }");
        List<Journey> all = new ArrayList<>(checkouts);
        all.add(api);
        all.add(nightly);

        var offsets = Spread.offsets(all, "eu-west");

        // One a second: sixty distinct offsets within the minute, all at the same fraction of a second.
        List<Long> starts = checkouts.stream().map(journey -> offsets.get(journey.id()).toMillis()).toList();
        assertThat(starts).doesNotHaveDuplicates().allMatch(start -> start >= 0 && start < 60_000)
                .allMatch(start -> start % 1000 == starts.get(0) % 1000);
        assertThat(offsets.get("api")).isEqualTo(Spread.offset(api, "eu-west"));
        assertThat(offsets.get("nightly")).isEqualTo(Spread.offset(nightly, "eu-west"));
        assertThat(Spread.offsets(List.of(checkouts.get(7)), "eu-west").get("checkout-7")).isEqualTo(Spread.offset(checkouts.get(7), "eu-west"));
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
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1, false)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1, false)).isTrue();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1, false)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.PROBER_ERROR, 1, false)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1, false)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1, false)).isTrue();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1, false)).isFalse();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 2, false)).isTrue();
    }

    @Test
    @DisplayName("healthy runs record no trace; the run after an incident's untraced first failure does, and its trace is kept")
    void traces() {
        IncidentTracker tracker = new IncidentTracker();
        assertThat(tracker.evidenceFor("checkout")).isEqualTo(Evidence.FAILURE_SCREENSHOT);
        tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1, false);
        assertThat(tracker.evidenceFor("checkout")).isEqualTo(Evidence.FAILURE_SCREENSHOT);

        // The first failure, with no retry: only its screenshot, so the next run is traced.
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1, false)).isTrue();
        assertThat(tracker.evidenceFor("checkout")).isEqualTo(Evidence.TRACE);
        // That run fails too: the incident's first trace is kept, and the incident records no more traces.
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1, true)).isTrue();
        assertThat(tracker.evidenceFor("checkout")).isEqualTo(Evidence.FAILURE_SCREENSHOT);
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 1, false)).isFalse();
        assertThat(tracker.evidenceFor("checkout")).isEqualTo(Evidence.FAILURE_SCREENSHOT);

        // Recovered, then a first failure whose retry was traced: the incident already has its trace.
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.SUCCESS, 1, false)).isTrue();
        assertThat(tracker.keepArtifacts("checkout", OutcomeStatus.FAILURE, 2, true)).isTrue();
        assertThat(tracker.evidenceFor("checkout")).isEqualTo(Evidence.FAILURE_SCREENSHOT);
        assertThat(tracker.evidenceFor("login")).isEqualTo(Evidence.FAILURE_SCREENSHOT);
    }

    @Test
    @DisplayName("a journey never runs twice at once, and runs due while it still runs are skipped, not made up")
    void neverConcurrentNeverBurst() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Instant> starts = new CopyOnWriteArrayList<>();
        try (JourneyScheduler scheduler = new JourneyScheduler(4, 4, "eu-west", (due, started) -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            starts.add(started);
            // A run that takes three intervals: two of the next three fire times pass while it runs.
            Awaitility.await().pollDelay(Duration.ofMillis(2900)).atMost(Duration.ofSeconds(4)).until(() -> true);
            running.decrementAndGet();
        }, Clock.systemUTC())) {
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
    @DisplayName("runs due while every runner is busy wait for one and start, none skipped")
    void queuedNotSkipped() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (JourneyScheduler scheduler = new JourneyScheduler(1, 1, "eu-west", (due, started) -> {
            ran.add(due.journeyId());
            // Three journeys due at once on one runner: the second and third wait about 0.4 s and 0.8 s.
            Awaitility.await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> true);
        }, Clock.systemUTC())) {
            scheduler.schedule(List.of(journey("a", "{ every: 2s, spread: 0s }"), journey("b", "{ every: 2s, spread: 0s }"),
                    journey("c", "{ every: 2s, spread: 0s }")), Instant.now());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ran.size() >= 9);
            assertThat(ran.subList(0, 9)).containsOnly("a", "b", "c").filteredOn("c"::equals).hasSize(3);
            assertThat(scheduler.missed()).isZero();
        }
    }

    @Test
    @DisplayName("runNow queues one run of a scheduled journey with its reason, once, and knows no other journey")
    void runNow() {
        List<DueRun> ran = new CopyOnWriteArrayList<>();
        try (JourneyScheduler scheduler = new JourneyScheduler(1, 1, "eu-west", (due, started) -> {
            ran.add(due);
            Awaitility.await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
        }, Clock.systemUTC())) {
            scheduler.schedule(List.of(journey("yearly", "{ cron: \"0 0 0 1 1 ?\", spread: 0s }")), Instant.now());

            assertThat(scheduler.runNow("yearly", "confirm a failure in us-east")).isEqualTo(JourneyScheduler.Queued.YES);
            assertThat(scheduler.runNow("yearly", "confirm again")).isEqualTo(JourneyScheduler.Queued.ALREADY_WAITING_OR_RUNNING);
            assertThat(scheduler.runNow("nightly", "confirm")).isEqualTo(JourneyScheduler.Queued.UNKNOWN_JOURNEY);

            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
            assertThat(ran.get(0).reason()).isEqualTo("confirm a failure in us-east");
            assertThat(scheduler.missed()).isZero();
        }
    }

    @Test
    @DisplayName("rescheduling keeps unchanged journeys, adds new ones and stops removed ones")
    void reschedules() {
        try (JourneyScheduler scheduler = new JourneyScheduler(1, 1, "eu-west", (due, started) -> { }, Clock.systemUTC())) {
            scheduler.schedule(List.of(journey("a", "{ every: 1m }"), journey("b", "{ cron: \"0 */5 * * * ?\" }")), Instant.now());
            assertThat(scheduler.journeys()).containsExactly("a", "b");
            scheduler.schedule(List.of(journey("b", "{ cron: \"0 */5 * * * ?\" }"), journey("c", "{ every: 30s }")), Instant.now());
            assertThat(scheduler.journeys()).containsExactly("b", "c");
        }
    }
}
