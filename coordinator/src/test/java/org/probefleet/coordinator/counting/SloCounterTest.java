package org.probefleet.coordinator.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.journeys.model.Mode;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunIds;

class SloCounterTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Instant SINCE = NOW.minus(Duration.ofDays(30));
    static final CountedSlo SEARCH = new CountedSlo("search-slo", "search", Mode.LIVE, Optional.of(Duration.ofMillis(2_000)),
            List.of("eu-west"));

    static CountedSlo checkout(long thresholdMs) {
        return new CountedSlo("checkout-slo", "checkout", Mode.LIVE, Optional.of(Duration.ofMillis(thresholdMs)), List.of());
    }

    static Outcome outcome(String journey, String region, Instant startedAt, long durationMs, OutcomeStatus status) {
        return new Outcome(RunIds.next(startedAt), journey, "1", region, region + "-1", startedAt, durationMs, status, 1,
                Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** Two minutes of checkout in eu-west (12:00:00 closes the minute before it), and search in eu-west and us-east. */
    static List<Outcome> traffic() {
        Instant first = Instant.parse("2026-11-28T11:58:10Z");
        return List.of(
                outcome("checkout", "eu-west", first, 900, OutcomeStatus.SUCCESS),
                outcome("checkout", "eu-west", first.plusSeconds(5), 9_000, OutcomeStatus.SUCCESS),
                outcome("checkout", "eu-west", first.plusSeconds(20), 1_000, OutcomeStatus.FAILURE),
                outcome("checkout", "eu-west", first.plusSeconds(30), 100, OutcomeStatus.PROBER_ERROR),
                outcome("checkout", "eu-west", NOW, 800, OutcomeStatus.SUCCESS),
                outcome("search", "eu-west", first, 2_500, OutcomeStatus.SUCCESS),
                outcome("search", "us-east", first, 800, OutcomeStatus.FAILURE));
    }

    /** Counts the traffic live into a fresh ledger with these SLOs; returns the ledger. */
    static MemoryLedger countedLive(CountsSeen engine, CountedSlo... slos) {
        MemoryLedger ledger = new MemoryLedger();
        SloCounter counter = new SloCounter(List.of(slos), SINCE, engine);
        ledger.countWith(counter);
        traffic().forEach(outcome -> ledger.commit(counter, outcome));
        return ledger;
    }

    static CountsSeen restarted(MemoryLedger ledger, CountedSlo... slos) {
        CountsSeen engine = new CountsSeen();
        ledger.countWith(new SloCounter(List.of(slos), SINCE, engine));
        return engine;
    }

    @Test
    @DisplayName("an outcome counts for each SLO over its journey, slow past the latency threshold")
    void countsBySloStatusAndLatency() {
        SloCounter counter = new SloCounter(List.of(checkout(8_000), SEARCH), SINCE, new CountsSeen());
        Outcome slow = outcome("checkout", "eu-west", NOW, 9_000, OutcomeStatus.SUCCESS);
        assertThat(counter.countsOf(slow)).containsExactly(
                new MinuteCounts("checkout-slo", "eu-west", MinuteCounts.minuteOf(NOW), NOW, 0, 0, 1, 0));
    }

    @Test
    @DisplayName("an outcome from a region its journey does not run in counts for no SLO")
    void regionsOutsideTheJourneyDoNotCount() {
        SloCounter counter = new SloCounter(List.of(checkout(8_000), SEARCH), SINCE, new CountsSeen());
        assertThat(counter.countsOf(outcome("search", "us-east", NOW, 100, OutcomeStatus.SUCCESS))).isEmpty();
    }

    @Test
    @DisplayName("a shadow run counts nothing good or bad but shows the journey ran")
    void shadowRunsShowTheJourneyRan() {
        CountedSlo shadow = new CountedSlo("checkout-slo", "checkout", Mode.SHADOW, Optional.empty(), List.of());
        SloCounter counter = new SloCounter(List.of(shadow), SINCE, new CountsSeen());
        assertThat(counter.countsOf(outcome("checkout", "eu-west", NOW, 100, OutcomeStatus.FAILURE))).containsExactly(
                new MinuteCounts("checkout-slo", "eu-west", MinuteCounts.minuteOf(NOW), NOW, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("counts handed back after a restart equal the live counts")
    void restartHandsBackTheLiveCounts() {
        CountsSeen live = new CountsSeen();
        MemoryLedger ledger = countedLive(live, checkout(8_000), SEARCH);
        CountsSeen again = restarted(ledger, checkout(8_000), SEARCH);
        assertThat(again.caughtUp).isTrue();
        assertThat(live.outcomesStored).isEqualTo(7);
        assertThat(again.text()).isEqualTo(live.text()).isEqualTo("""
                checkout-slo eu-west last 2026-11-28T11:58:40Z good 1 failed 1 slow 1 prober_error 1
                checkout-slo eu-west last 2026-11-28T12:00:00Z good 1 failed 0 slow 0 prober_error 0
                search-slo eu-west last 2026-11-28T11:58:10Z good 0 failed 0 slow 1 prober_error 0""");
    }

    @Test
    @DisplayName("a restart with unchanged definitions counts no stored outcome twice")
    void unchangedDefinitionsAreNotRecounted() {
        MemoryLedger ledger = countedLive(new CountsSeen(), checkout(8_000), SEARCH);
        Map<Tally.Place, Tally> before = Map.copyOf(ledger.tallies);
        restarted(ledger, checkout(8_000), SEARCH);
        restarted(ledger, checkout(8_000), SEARCH);
        assertThat(ledger.tallies).isEqualTo(before);
    }

    @Test
    @DisplayName("a changed latency threshold recounts that SLO from the raw outcomes it is handed and leaves others alone")
    void aChangedThresholdRecountsThatSloOnly() {
        MemoryLedger ledger = countedLive(new CountsSeen(), checkout(8_000), SEARCH);
        // A run planted in search's counts only: a recount of search would drop it.
        Instant planted = Instant.parse("2026-11-28T11:30:00Z");
        ledger.add(List.of(new MinuteCounts("search-slo", "eu-west", MinuteCounts.minuteOf(planted), planted, 1, 0, 0, 0).toTally()));
        CountsSeen engine = restarted(ledger, checkout(850), SEARCH);
        assertThat(engine.text()).isEqualTo("""
                checkout-slo eu-west last 2026-11-28T11:58:40Z good 0 failed 1 slow 2 prober_error 1
                checkout-slo eu-west last 2026-11-28T12:00:00Z good 1 failed 0 slow 0 prober_error 0
                search-slo eu-west last 2026-11-28T11:30:00Z good 1 failed 0 slow 0 prober_error 0
                search-slo eu-west last 2026-11-28T11:58:10Z good 0 failed 0 slow 1 prober_error 0""");
        assertThat(ledger.tags).containsEntry("checkout-slo", checkout(850).fingerprint());
    }

    @Test
    @DisplayName("the counts of an SLO that is gone are dropped with its tag")
    void aRemovedSloIsForgotten() {
        MemoryLedger ledger = countedLive(new CountsSeen(), checkout(8_000), SEARCH);
        CountsSeen engine = restarted(ledger, checkout(8_000));
        assertThat(engine.text()).doesNotContain("search-slo");
        assertThat(ledger.tags).containsOnlyKeys("checkout-slo");
        assertThat(ledger.tallies.keySet()).extracting(Tally.Place::key).containsOnly("checkout-slo");
    }

    @Test
    @DisplayName("an outcome that started before the counting window is neither recounted nor handed over")
    void outcomesBeforeTheWindowAreLeftOut() {
        MemoryLedger ledger = new MemoryLedger();
        SloCounter live = new SloCounter(List.of(checkout(8_000)), SINCE, new CountsSeen());
        ledger.countWith(live);
        ledger.commit(live, outcome("checkout", "eu-west", SINCE.minus(Duration.ofMinutes(2)), 100, OutcomeStatus.SUCCESS));
        assertThat(restarted(ledger, checkout(8_000)).text()).isEmpty();
        assertThat(restarted(ledger, checkout(850)).text()).isEmpty();
    }
}
