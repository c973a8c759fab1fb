package org.probefleet.coordinator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.store.OwnerRecord;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Definitions;

/**
 * The review of ratio and rum SLOs from recorded minutes, on hand-worked quarters: in 2026Q4 the
 * minute starting each hour holds 100 events of the ratio (99%: 744 allowed bad in October and
 * December, 720 in November, 2,208 in the quarter) or 10 of the rum SLO (90%).
 */
class CountedReviewTest {

    static final Quarter Q4 = Quarter.parse("2026Q4").orElseThrow();
    static final String RATIO = """
            slo:
              name: shop-ratio
              indicator:
                type: ratio
                numerator: sum(rate(purchase_completed_total[5m]))
                denominator: sum(rate(checkout_started_total[5m]))
              target: 0.99
            """;
    static final String RUM = "slo:\n  name: checkout-real-users\n  indicator: { type: rum, journey: checkout }\n  target: 0.9\n";

    static Definitions definitions(Path folder) throws Exception {
        Files.writeString(folder.resolve("shop-ratio.yaml"), RATIO);
        Files.writeString(folder.resolve("checkout-real-users.yaml"), RUM);
        LoadResult loaded = DefinitionLoader.loadFolder(folder);
        assertThat(loaded.problems()).isEmpty();
        return loaded.definitions();
    }

    /** A recorded minute as the store keeps it: named by its start, its events at its end. */
    static MinuteCounts minute(String slo, Instant start, String region, long good, long bad) {
        Instant end = start.plus(Duration.ofMinutes(1));
        return new MinuteCounts(slo, region, MinuteCounts.minuteOf(end), end, good, bad, 0, 0);
    }

    /** The ratio's quarter: the minute starting each hour has 100 events, {@code bad} of them bad. */
    static QuarterlyReview.SloReview ratio(Path folder, ToLongFunction<Instant> bad) throws Exception {
        QuarterlyReview review = new QuarterlyReview(definitions(folder), Q4);
        for (Instant hour = Q4.start(); hour.isBefore(Q4.end()); hour = hour.plus(Duration.ofHours(1))) {
            long badEvents = bad.applyAsLong(hour);
            review.add(minute("shop-ratio", hour, "all", 100 - badEvents, badEvents));
        }
        return slo(review.finish(Q4.end()), "shop-ratio");
    }

    static QuarterlyReview.SloReview slo(QuarterlyReview.Review review, String name) {
        return review.slos().stream().filter(slo -> slo.slo().name().equals(name)).findFirst().orElseThrow();
    }

    static boolean inOctober(Instant at) {
        return at.isBefore(Instant.parse("2026-11-01T00:00:00Z"));
    }

    static boolean inNovember(Instant at) {
        return !inOctober(at) && at.isBefore(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    @DisplayName("over budget: 2 bad of each 100 in October and November spent 200% in each, 132.6% over the quarter: too tight")
    void overBudget(@TempDir Path folder) throws Exception {
        QuarterlyReview.SloReview ratio = ratio(folder, hour -> inOctober(hour) || inNovember(hour) ? 2 : 0);

        assertThat(ratio.months()).extracting(month -> month.good() + "/" + month.bad())
                .containsExactly("72912/1488", "70560/1440", "74400/0");
        assertThat(ratio.verdict()).isEqualTo(Verdict.TOO_TIGHT);
        assertThat(ratio.recommendation()).startsWith("The budget ran out in 2 of 3 months. The quarter consumed 132.6% of its budget.");
        assertThat(ratio.causes()).extracting(cause -> cause.step() + " " + cause.region() + " " + cause.bad())
                .containsExactly("(bad events) all 2928");
        assertThat(ReviewWriter.markdown(new QuarterlyReview.Review(Q4, Q4.end(), List.of(ratio), List.of())))
                .contains("| 2026-10 | 74400 | 98.000% | 200% | **no** |")
                .contains("Prometheus ratio, owner none, target 99% over 30d; 220800 events this quarter, 2928 bad.");
    }

    @Test
    @DisplayName("about right: 1 bad in every other hour of October spent 50% of its budget, 16.8% of the quarter's")
    void aboutRight(@TempDir Path folder) throws Exception {
        QuarterlyReview.SloReview ratio = ratio(folder, hour -> inOctober(hour) && hour.getEpochSecond() / 3600 % 2 == 0 ? 1 : 0);

        assertThat(ratio.bad()).isEqualTo(372);
        assertThat(ratio.verdict()).isEqualTo(Verdict.ABOUT_RIGHT);
        assertThat(ratio.recommendation())
                .isEqualTo("The budget was used (at most 50% in a month, 16.8% over the quarter) without running out.");
    }

    @Test
    @DisplayName("far under: 37 bad events in the quarter never came near 10% of a month's budget: too loose")
    void farUnder(@TempDir Path folder) throws Exception {
        Instant thirtySeventhHour = Q4.start().plus(Duration.ofHours(37));
        QuarterlyReview.SloReview ratio = ratio(folder, hour -> hour.isBefore(thirtySeventhHour) ? 1 : 0);

        assertThat(ratio.bad()).isEqualTo(37);
        assertThat(ratio.verdict()).isEqualTo(Verdict.TOO_LOOSE);
        assertThat(ratio.recommendation()).startsWith("Never above 10% of the budget consumed (at most 5%).");
    }

    @Test
    @DisplayName("a minute counts in the month it starts in: the one before the quarter feeds only the engine, 23:59 on 31 December is December's")
    void minutesAtTheEdges(@TempDir Path folder) throws Exception {
        QuarterlyReview review = new QuarterlyReview(definitions(folder), Q4);
        review.add(minute("shop-ratio", Instant.parse("2026-09-30T23:59:00Z"), "all", 0, 100));
        review.add(minute("shop-ratio", Q4.start(), "all", 99, 1));
        review.add(minute("shop-ratio", Instant.parse("2026-12-31T23:59:00Z"), "all", 100, 0));
        // Minutes of an SLO that is not there, or of one whose events are journey runs, count for nothing.
        review.add(minute("gone", Q4.start(), "all", 0, 100));

        QuarterlyReview.SloReview ratio = slo(review.finish(Q4.end()), "shop-ratio");

        assertThat(ratio.months()).extracting(month -> month.good() + "/" + month.bad()).containsExactly("99/1", "0/0", "100/0");
        // The September minute burnt 100% of the first hour: the engine saw it, so the quarter opens with a page.
        assertThat(ratio.breaches()).isNotEmpty();
        assertThat(ratio.breaches().get(0).step()).isEqualTo("(bad events)");
    }

    @Test
    @DisplayName("a rum SLO is reviewed from its minutes in region all, and says it measures real users")
    void realUsers(@TempDir Path folder) throws Exception {
        QuarterlyReview review = new QuarterlyReview(definitions(folder), Q4);
        for (Instant hour = Q4.start(); inOctober(hour); hour = hour.plus(Duration.ofHours(1))) {
            review.add(minute("checkout-real-users", hour, "all", 8, 2));
        }

        QuarterlyReview.Review done = review.finish(Q4.end());
        QuarterlyReview.SloReview users = slo(done, "checkout-real-users");

        // 1,488 bad of 7,440 against a 10% budget: 200% in October, the only month with data.
        assertThat(users.months().get(0).consumed()).isEqualTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(users.verdict()).isEqualTo(Verdict.TOO_TIGHT);
        assertThat(ReviewWriter.markdown(done))
                .contains("Real users of journey checkout, owner none, target 90% over 30d; 7440 events this quarter, 1488 bad.");
        assertThat(slo(done, "shop-ratio").verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(slo(done, "shop-ratio").recommendation()).isEqualTo("No events recorded in this quarter: check that the coordinator"
                + " reads them (Prometheus, or the beacons), and that the store keeps a quarter (retention: 100d).");
    }

    @Test
    @DisplayName("owner changes within the quarter are listed from → to with their time; before or after it, or a load that changed nothing, are not")
    void ownerChanges(@TempDir Path folder) throws Exception {
        List<OwnerRecord> history = List.of(
                new OwnerRecord(Instant.parse("2026-09-20T09:00:00Z"), "shop-ratio", "team-a"),
                new OwnerRecord(Instant.parse("2026-09-25T09:00:00Z"), "shop-ratio", "team-b"),
                new OwnerRecord(Instant.parse("2026-10-10T09:00:00Z"), "shop-ratio", "team-c"),
                new OwnerRecord(Instant.parse("2026-11-02T09:00:00Z"), "shop-ratio", "team-c"),
                new OwnerRecord(Instant.parse("2026-11-15T17:30:00Z"), "shop-ratio", ""),
                new OwnerRecord(Instant.parse("2027-01-03T09:00:00Z"), "shop-ratio", "team-e"),
                new OwnerRecord(Instant.parse("2026-10-01T00:00:00Z"), "checkout-real-users", "team-a"));

        QuarterlyReview.Review review = new QuarterlyReview(definitions(folder), Q4, List.of(), history).finish(Q4.end());

        assertThat(slo(review, "shop-ratio").ownerChanges()).containsExactly(
                new QuarterlyReview.OwnerChange(Instant.parse("2026-10-10T09:00:00Z"), "team-b", "team-c"),
                new QuarterlyReview.OwnerChange(Instant.parse("2026-11-15T17:30:00Z"), "team-c", ""));
        assertThat(slo(review, "checkout-real-users").ownerChanges()).isEmpty();
        assertThat(ReviewWriter.markdown(review))
                .contains("### Owner changes\n\n| when | from | to |\n|---|---|---|\n| 2026-10-10 09:00 | team-b | team-c |\n"
                        + "| 2026-11-15 17:30 | team-c | none |\n")
                .contains("### Owner changes\n\nNone this quarter.\n");
        assertThat(ReviewWriter.html(review)).contains("<tr><td>2026-10-10 09:00</td><td>team-b</td><td>team-c</td></tr>");
    }
}
