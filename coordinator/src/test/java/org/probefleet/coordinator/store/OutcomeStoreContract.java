package org.probefleet.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.counting.CountFeed;
import org.probefleet.coordinator.counting.CountedSlo;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.counting.SloCounter;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Mode;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunIds;

/** What every store must do, whatever the database: run against SQLite and PostgreSQL. */
abstract class OutcomeStoreContract {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    final VirtualClock clock = new VirtualClock(NOW);

    /** A fresh, empty store; opening the same URL again later must reach the same data. */
    abstract String freshStoreUrl() throws Exception;

    /** Counts journey "checkout" for one SLO, slow past {@code thresholdMs}, and keeps what the store hands over. */
    static final class Recorder implements CountFeed {
        final SloCounter counter;
        final List<MinuteCounts> minutes = new ArrayList<>();
        final List<Outcome> stored = new ArrayList<>();
        boolean caughtUp;

        Recorder(long thresholdMs) {
            this.counter = new SloCounter(List.of(new CountedSlo("checkout-slo", "checkout", Mode.LIVE,
                    Optional.of(Duration.ofMillis(thresholdMs)), List.of())), NOW.minus(Duration.ofDays(30)), this);
        }

        @Override
        public void minute(MinuteCounts minute) {
            minutes.add(minute);
        }

        @Override
        public void caughtUp() {
            caughtUp = true;
        }

        @Override
        public void stored(Outcome outcome, List<MinuteCounts> counted) {
            assertThat(counted).as("counted as when it was written").isEqualTo(counter.countsOf(outcome));
            stored.add(outcome);
        }
    }

    static Outcome outcome(String journey, String region, Instant startedAt, long durationMs, OutcomeStatus status) {
        return new Outcome(RunIds.next(startedAt), journey, "1", region, region + "-1", startedAt, durationMs, status, 1,
                Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** Two minutes of eu-west: 12:00:00 is the last instant of the minute before it (minutes are closed at their end). */
    static List<Outcome> twoMinutes() {
        Instant first = Instant.parse("2026-11-28T11:58:10Z");
        return List.of(
                outcome("checkout", "eu-west", first, 900, OutcomeStatus.SUCCESS),
                outcome("checkout", "eu-west", first.plusSeconds(5), 9_000, OutcomeStatus.SUCCESS),
                outcome("checkout", "eu-west", first.plusSeconds(20), 1_000, OutcomeStatus.FAILURE),
                outcome("checkout", "eu-west", first.plusSeconds(30), 100, OutcomeStatus.PROBER_ERROR),
                outcome("checkout", "eu-west", Instant.parse("2026-11-28T12:00:00Z"), 800, OutcomeStatus.SUCCESS),
                outcome("search", "eu-west", first, 800, OutcomeStatus.FAILURE));
    }

    /** Opens the store again and counts with a fresh recorder: what an engine (re)starting with that threshold gets. */
    Recorder countedAfterRestart(String url, long thresholdMs) {
        Recorder recorder = new Recorder(thresholdMs);
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            store.countWith(recorder.counter).join();
        }
        return recorder;
    }

    static String rows(List<MinuteCounts> minutes) {
        return String.join("\n", minutes.stream().map(m -> m.slo() + " " + m.region() + " last " + m.lastStartedAt() + " good "
                + m.good() + " failed " + m.failed() + " slow " + m.slow() + " prober_error " + m.proberErrors()).toList());
    }

    @Test
    void keepsPerMinuteCountsWithTheOutcomesAndHandsThemBackAfterARestart() throws Exception {
        String url = freshStoreUrl();
        Recorder live = new Recorder(8_000);
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            store.countWith(live.counter).join();
            assertThat(live.caughtUp).isTrue();
            assertThat(store.append(twoMinutes()).join().accepted()).isEqualTo(6);
            assertThat(store.append(twoMinutes().subList(0, 1)).join().accepted()).as("a new run id").isEqualTo(1);
            assertThat(live.stored).as("every committed outcome reaches the engine before the sender hears back").hasSize(7);
        }
        assertThat(rows(countedAfterRestart(url, 8_000).minutes)).isEqualTo("""
                checkout-slo eu-west last 2026-11-28T11:58:40Z good 2 failed 1 slow 1 prober_error 1
                checkout-slo eu-west last 2026-11-28T12:00:00Z good 1 failed 0 slow 0 prober_error 0""");
    }

    @Test
    void exactResendsCountOnce() throws Exception {
        Recorder live = new Recorder(8_000);
        List<Outcome> batch = twoMinutes();
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(freshStoreUrl(), clock)) {
            store.countWith(live.counter).join();
            store.append(batch).join();
            assertThat(store.append(batch).join().duplicates()).isEqualTo(6);
            Recorder again = new Recorder(8_000);
            store.countWith(again.counter).join();
            assertThat(again.minutes).extracting(MinuteCounts::good).containsExactly(1L, 1L);
            assertThat(live.stored).hasSize(6);
        }
    }

    @Test
    void aChangedDefinitionIsRecountedFromTheStoredOutcomes() throws Exception {
        String url = freshStoreUrl();
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            store.countWith(new Recorder(8_000).counter).join();
            store.append(twoMinutes()).join();
        }
        assertThat(rows(countedAfterRestart(url, 850).minutes)).isEqualTo("""
                checkout-slo eu-west last 2026-11-28T11:58:40Z good 0 failed 1 slow 2 prober_error 1
                checkout-slo eu-west last 2026-11-28T12:00:00Z good 1 failed 0 slow 0 prober_error 0""");
    }

    @Test
    void olderMinutesGoWithTheOutcomes() throws Exception {
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(freshStoreUrl(), clock)) {
            store.countWith(new Recorder(8_000).counter).join();
            store.append(twoMinutes()).join();
            assertThat(store.deleteBefore(Instant.parse("2026-11-28T11:59:00Z"))).isEqualTo(5);
            Recorder after = new Recorder(8_000);
            store.countWith(after.counter).join();
            assertThat(after.minutes).extracting(MinuteCounts::lastStartedAt).containsExactly(Instant.parse("2026-11-28T12:00:00Z"));
        }
    }

    @Test
    void theEngineReadsTheSameAfterARestartAsItCountedLive() throws Exception {
        Definitions definitions = DefinitionLoader.loadFolder(Path.of("../journeys/examples")).definitions();
        String url = freshStoreUrl();
        clock.set(NOW.minus(Duration.ofDays(3)));
        SloSnapshot live;
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            SloService engine = new SloService(clock);
            engine.load(definitions, store);
            // Three days of checkout from two regions, one run a minute each; us-east fails for an hour, some runs are slow.
            for (Instant at = clock.instant(); at.isBefore(NOW); at = at.plus(Duration.ofMinutes(10))) {
                List<Outcome> batch = new ArrayList<>();
                for (int minute = 0; minute < 10; minute++) {
                    Instant start = at.plus(Duration.ofMinutes(minute)).plusSeconds(7);
                    boolean outage = start.isAfter(NOW.minus(Duration.ofHours(5))) && start.isBefore(NOW.minus(Duration.ofHours(4)));
                    batch.add(outcome("checkout", "us-east", start, 1_200, outage ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS));
                    batch.add(outcome("checkout", "eu-west", start.plusSeconds(3), minute == 3 ? 9_500 : 1_100, OutcomeStatus.SUCCESS));
                }
                store.append(batch).join();
            }
            clock.set(NOW);
            engine.evaluate();
            live = engine.snapshots().get("checkout-journey-success");
        }
        SloSnapshot restarted;
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            SloService engine = new SloService(clock);
            engine.load(definitions, store);
            engine.evaluate();
            restarted = engine.snapshots().get("checkout-journey-success");
        }
        assertThat(live.global().sloWindow().bad()).as("the outage and the slow runs").isEqualTo(60 + 432);
        assertThat(summary(restarted.global())).isEqualTo(summary(live.global()));
        // ap-south never reported: the restarted engine has watched it for less than three intervals, so only the others compare.
        for (String region : List.of("eu-west", "us-east")) {
            assertThat(summary(scope(restarted, region)) + " no_data " + scope(restarted, region).noData())
                    .isEqualTo(summary(scope(live, region)) + " no_data false");
        }
    }

    @Test
    @DisplayName("minutes counted outside the store, like a Prometheus ratio's, reach the engine as they commit and again after a restart")
    void talliesWithoutOutcomesCountLiveAndAfterARestart() throws Exception {
        Definitions definitions = DefinitionLoader.loadFolder(Path.of("../journeys/examples")).definitions();
        String url = freshStoreUrl();
        clock.set(NOW);
        Instant minuteEnd = NOW.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        SloSnapshot live;
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            SloService engine = new SloService(clock);
            engine.load(definitions, store);
            // One minute of checkouts: eu-west 540 of 600 completed, us-east 300 of 300.
            store.addTallies(List.of(
                    new MinuteCounts("checkout-completion-rate", "eu-west", MinuteCounts.minuteOf(minuteEnd), minuteEnd, 540, 60, 0, 0).toTally(),
                    new MinuteCounts("checkout-completion-rate", "us-east", MinuteCounts.minuteOf(minuteEnd), minuteEnd, 300, 0, 0, 0).toTally()))
                    .join();
            engine.evaluate();
            live = engine.snapshots().get("checkout-completion-rate");
        }
        SloSnapshot restarted;
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            SloService engine = new SloService(clock);
            engine.load(definitions, store);
            engine.evaluate();
            restarted = engine.snapshots().get("checkout-completion-rate");
        }

        assertThat(live.global().sloWindow()).isEqualTo(new org.probefleet.coordinator.slo.Counts(840, 60));
        assertThat(summary(restarted.global())).isEqualTo(summary(live.global()));
        assertThat(scope(live, "eu-west").sli()).isEqualTo(0.9);
    }

    @Test
    @DisplayName("paging two at a time from each page's last position lists outcomes sharing a start time exactly once, newest first")
    void pagesThroughOutcomesOfOneInstant() throws Exception {
        Instant instant = NOW.minusSeconds(60);
        List<Outcome> batch = new ArrayList<>();
        batch.add(outcome("checkout", "eu-west", NOW.minusSeconds(10), 900, OutcomeStatus.SUCCESS));
        for (int i = 0; i < 5; i++) {
            batch.add(outcome("checkout", "eu-west", instant, 900, OutcomeStatus.SUCCESS));
        }
        batch.add(outcome("checkout", "eu-west", NOW.minusSeconds(120), 900, OutcomeStatus.SUCCESS));
        List<Outcome> listed = new ArrayList<>();
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(freshStoreUrl(), clock)) {
            store.countWith(new Recorder(8_000).counter).join();
            store.append(batch).join();
            Optional<OutcomeStore.Position> after = Optional.empty();
            for (int pages = 0; pages < 10; pages++) {
                List<Outcome> page = store.list(new OutcomeStore.Query(Optional.of("checkout"), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), after, 2));
                listed.addAll(page);
                if (page.size() < 2) {
                    break;
                }
                after = Optional.of(OutcomeStore.Position.of(page.get(page.size() - 1)));
            }
        }
        assertThat(listed).extracting(Outcome::runId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(batch.stream().map(Outcome::runId).toList());
        assertThat(listed).extracting(Outcome::startedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static ScopeResult scope(SloSnapshot snapshot, String region) {
        return snapshot.regions().stream().filter(scope -> scope.scope().equals(region)).findFirst().orElseThrow();
    }

    private static String summary(ScopeResult scope) {
        StringBuilder text = new StringBuilder(scope.scope() + " " + scope.sloWindow());
        for (Window window : Window.BURN_WINDOWS) {
            text.append(' ').append(window.name()).append('=').append(scope.events(window)).append('/').append(scope.burn(window));
        }
        return text.toString();
    }

    @Test
    @DisplayName("deploy markers read back oldest first within their range, survive a restart and outlive outcome retention")
    void keepsDeployMarkers() throws Exception {
        String url = freshStoreUrl();
        Deploy first = new Deploy(java.util.UUID.randomUUID(), "2026.11.3", NOW.minus(Duration.ofHours(2)), "ci",
                Optional.of("https://ci.example.test/runs/42"), List.of("checkout-slo"), List.of());
        Deploy second = new Deploy(java.util.UUID.randomUUID(), "2026.11.4", NOW.minus(Duration.ofMinutes(5)), "alice",
                Optional.empty(), List.of(), List.of("checkout", "login"));
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            store.recordDeploy(second);
            store.recordDeploy(first);
            store.deleteBefore(NOW);
        }
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            assertThat(store.deploys(NOW.minus(Duration.ofDays(1)), NOW)).containsExactly(first, second);
            assertThat(store.deploys(NOW.minus(Duration.ofHours(1)), NOW)).containsExactly(second);
            assertThat(store.deploys(NOW.minus(Duration.ofDays(1)), second.at())).as("the end is exclusive").containsExactly(first);
        }
    }

    @Test
    @DisplayName("SLO owners are kept where they changed, read back oldest first before a time, survive a restart and outlive retention")
    void keepsOwnerChanges() throws Exception {
        String url = freshStoreUrl();
        Instant first = NOW.minus(Duration.ofDays(60));
        Instant second = NOW.minus(Duration.ofDays(10));
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            store.recordOwners(first, Map.of("checkout-slo", "payments", "login-slo", ""));
            store.recordOwners(NOW.minus(Duration.ofDays(30)), Map.of("checkout-slo", "payments", "login-slo", ""));
            store.recordOwners(second, Map.of("checkout-slo", "checkout-team", "login-slo", ""));
            store.deleteBefore(NOW);
        }
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(url, clock)) {
            assertThat(store.owners(NOW)).containsExactly(new OwnerRecord(first, "checkout-slo", "payments"),
                    new OwnerRecord(first, "login-slo", ""), new OwnerRecord(second, "checkout-slo", "checkout-team"));
            assertThat(store.owners(second)).as("the end is exclusive").hasSize(2);
        }
    }

    @Test
    @DisplayName("the tallies of one key read back by minute range, every region")
    void readsTalliesByMinuteRange() throws Exception {
        Recorder live = new Recorder(8_000);
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open(freshStoreUrl(), clock)) {
            store.countWith(live.counter).join();
            store.append(twoMinutes()).join();
            store.append(List.of(outcome("checkout", "us-east", Instant.parse("2026-11-28T11:58:30Z"), 500, OutcomeStatus.FAILURE))).join();
            long minute = MinuteCounts.minuteOf(Instant.parse("2026-11-28T11:58:10Z"));
            assertThat(store.tallies("checkout-slo", minute, minute + 1)).extracting(Tally::region).containsExactlyInAnyOrder("eu-west", "us-east");
            assertThat(store.tallies("checkout-slo", minute, minute + 2)).hasSize(3);
            assertThat(store.tallies("checkout-slo", minute + 1, minute + 2)).extracting(tally -> tally.amounts().get(0)).containsExactly(1L);
            assertThat(store.tallies("other-slo", minute, minute + 2)).isEmpty();
        }
    }
}
