package org.probefleet.coordinator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.Definitions;

/** The review a coordinator makes from its store, on a test clock: ratio minutes from the stored tallies, owners from each load. */
class StoredReviewTest {

    static final Quarter Q4 = CountedReviewTest.Q4;

    static Definitions ownedBy(Path folder, String owner) throws Exception {
        Path definitions = Files.createDirectories(folder.resolve(owner));
        Files.writeString(definitions.resolve("shop-ratio.yaml"), CountedReviewTest.RATIO + "  owner: " + owner + "\n");
        return DefinitionLoader.loadFolder(definitions).definitions();
    }

    @Test
    @DisplayName("definitions loaded with other owners inside the quarter show as owner changes; a change before it does not")
    void ownerChangesFromLoads(@TempDir Path folder) throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-09-20T09:00:00Z"));
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open("sqlite:" + folder.resolve("store.db"), clock)) {
            SloService engine = new SloService(clock);
            engine.load(ownedBy(folder, "team-a"), store);
            clock.set(Instant.parse("2026-09-25T09:00:00Z"));
            engine.load(ownedBy(folder, "team-b"), store);
            clock.set(Instant.parse("2026-10-10T09:00:00Z"));
            engine.load(ownedBy(folder, "team-c"), store);
            clock.set(Instant.parse("2026-11-02T09:00:00Z"));
            engine.load(ownedBy(folder, "team-c"), store);
            clock.set(Instant.parse("2026-11-15T17:30:00Z"));
            Definitions now = ownedBy(folder, "team-d");
            engine.load(now, store);

            QuarterlyReview.SloReview ratio = CountedReviewTest.slo(StoredReview.of(store, now, Q4, clock.instant()), "shop-ratio");

            assertThat(ratio.ownerChanges()).containsExactly(
                    new QuarterlyReview.OwnerChange(Instant.parse("2026-10-10T09:00:00Z"), "team-b", "team-c"),
                    new QuarterlyReview.OwnerChange(Instant.parse("2026-11-15T17:30:00Z"), "team-c", "team-d"));
        }
    }

    @Test
    @DisplayName("a ratio SLO's stored minutes make its months and verdict, as --outcomes lines of the same minutes do")
    void ratioFromStoredTallies(@TempDir Path folder) throws Exception {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-10-01T00:00:00Z"));
        Definitions definitions = CountedReviewTest.definitions(Files.createDirectories(folder.resolve("definitions")));
        try (JdbcOutcomeStore store = JdbcOutcomeStore.open("sqlite:" + folder.resolve("store.db"), clock)) {
            new SloService(clock).load(definitions, store);
            List<Tally> tallies = new ArrayList<>();
            QuarterlyReview offline = new QuarterlyReview(definitions, Q4);
            // October: the minute starting each hour holds 100 events, 2 bad; 1,488 of 74,400 is 200% of October's budget.
            for (Instant hour = Q4.start(); CountedReviewTest.inOctober(hour); hour = hour.plus(Duration.ofHours(1))) {
                var minute = CountedReviewTest.minute("shop-ratio", hour, "all", 98, 2);
                tallies.add(minute.toTally());
                offline.add(minute);
            }
            store.addTallies(tallies).join();
            Instant now = Instant.parse("2026-11-01T00:00:00Z");

            QuarterlyReview.SloReview stored = CountedReviewTest.slo(StoredReview.of(store, definitions, Q4, now), "shop-ratio");
            QuarterlyReview.SloReview fromLines = CountedReviewTest.slo(offline.finish(now), "shop-ratio");

            assertThat(stored.months()).extracting(month -> month.good() + "/" + month.bad()).containsExactly("72912/1488", "0/0", "0/0");
            assertThat(stored.verdict()).isEqualTo(Verdict.TOO_TIGHT);
            assertThat(stored.months()).isEqualTo(fromLines.months());
            assertThat(stored.breaches()).isEqualTo(fromLines.breaches());
            assertThat(stored.causes()).isEqualTo(fromLines.causes());
        }
    }
}
