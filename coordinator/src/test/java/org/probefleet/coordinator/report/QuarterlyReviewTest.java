package org.probefleet.coordinator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

class QuarterlyReviewTest {

    static final Quarter Q3 = Quarter.parse("2026Q3").orElseThrow();
    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
    static final Instant AUGUST_OUTAGE = Instant.parse("2026-08-10T06:00:00Z");
    static final Instant SEPTEMBER_OUTAGE = Instant.parse("2026-09-20T06:00:00Z");

    /** Every region runs the journey every 10 minutes through the quarter; {@code fails} picks the bad runs. */
    static void feed(QuarterlyReview review, String journey, BiPredicate<String, Instant> fails) {
        for (Instant at = Q3.start(); at.isBefore(Q3.end()); at = at.plus(Duration.ofMinutes(10))) {
            for (String region : REGIONS) {
                boolean bad = fails.test(region, at);
                review.add(new Outcome(UUID.randomUUID(), journey, "1", region, region + "-1", at, 900,
                        bad ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS, 1, bad ? Optional.of("pay") : Optional.empty(),
                        bad ? Optional.of("HTTP 500") : Optional.empty(), List.of(), Map.of()));
            }
        }
    }

    /** Six hours from {@code start}; ap-south's outage lasts one run longer. */
    static boolean inOutage(String region, Instant at, Instant start) {
        Instant end = start.plus(Duration.ofHours(6)).plus(region.equals("ap-south") ? Duration.ofMinutes(10) : Duration.ZERO);
        return !at.isBefore(start) && at.isBefore(end);
    }

    static QuarterlyReview.Review review() {
        QuarterlyReview review = new QuarterlyReview(DefinitionLoader.loadFolder(Path.of("../journeys/examples")).definitions(), Q3);
        feed(review, "checkout", (region, at) -> inOutage(region, at, AUGUST_OUTAGE) || inOutage(region, at, SEPTEMBER_OUTAGE));
        int[] searches = {0};
        feed(review, "search", (region, at) -> region.equals("eu-west") && at.getEpochSecond() % 86_400 == 0 && searches[0]++ < 10);
        return review.finish(Instant.parse("2026-11-28T00:00:00Z"));
    }

    static QuarterlyReview.SloReview slo(QuarterlyReview.Review review, String name) {
        return review.slos().stream().filter(slo -> slo.slo().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("two months that exhaust the budget make the target too tight; months, causes and breaches are exact")
    void tooTight() {
        QuarterlyReview.SloReview checkout = slo(review(), "checkout-journey-success");

        // July 31 days, August 31, September 30, at 144 runs a day in each of 3 regions.
        assertThat(checkout.months()).extracting(m -> m.good() + m.bad()).containsExactly(13_392L, 13_392L, 12_960L);
        // August: 36 + 36 + 37 bad runs of 13,392 = 0.814% error over a 0.6% budget.
        assertThat(checkout.months().get(1).consumed()).isCloseTo(109.0 / 13_392 / 0.006, within(1e-9));
        assertThat(checkout.months().get(2).consumed()).isCloseTo(109.0 / 12_960 / 0.006, within(1e-9));
        assertThat(checkout.months().get(0).consumed()).isZero();
        assertThat(checkout.verdict()).isEqualTo(Verdict.TOO_TIGHT);
        assertThat(checkout.recommendation()).startsWith("The budget ran out in 2 of 3 months.")
                .contains("towards what the journey achieved (99.15%)");
        // ap-south failed one run more each time: 74 bad runs, 74 / (0.006 × 39,744) of the quarter's budget.
        assertThat(checkout.causes().get(0)).satisfies(cause -> {
            assertThat(cause.step()).isEqualTo("pay");
            assertThat(cause.region()).isEqualTo("ap-south");
            assertThat(cause.bad()).isEqualTo(74);
            assertThat(cause.budgetSpent()).isCloseTo(74 / (0.006 * 39_744), within(1e-9));
        });
        // The second failed run of each region (06:10) makes the 6h/30m pair hold everywhere: a global page.
        assertThat(checkout.breaches()).filteredOn(breach -> breach.severity().equals("page")).extracting(QuarterlyReview.Breach::start)
                .containsExactly(Instant.parse("2026-08-10T06:10:00Z"), Instant.parse("2026-09-20T06:10:00Z"));
        assertThat(checkout.breaches()).allSatisfy(breach -> assertThat(breach.step()).isEqualTo("pay"));
    }

    @Test
    @DisplayName("a budget barely touched makes the target too loose, with the target that would have spent half; no runs is no data")
    void tooLooseAndNoData() {
        QuarterlyReview.Review review = review();

        QuarterlyReview.SloReview search = slo(review, "search-availability");
        assertThat(search.bad()).isEqualTo(10);
        assertThat(search.verdict()).isEqualTo(Verdict.TOO_LOOSE);
        // 10 bad of 39,744: error 0.025%; 1 − 2 × 0.025% = 99.9497% → 99.94%.
        assertThat(search.recommendation()).contains("A target of 99.94% would have spent about half of it.");
        assertThat(slo(review, "login-success-rate").verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(review.journeysWithoutSlo()).isEmpty();
    }

    @Test
    @DisplayName("the review reads as Markdown and HTML, with every SLO and its verdict")
    void written() {
        QuarterlyReview.Review review = review();

        String markdown = ReviewWriter.markdown(review);
        String html = ReviewWriter.html(review);

        assertThat(markdown).startsWith("# SLO review 2026Q3").contains("| checkout-journey-success | 99.4% |", "too tight",
                "| page | 2026-08-10 06:10 |", "| pay | ap-south | 74 |", "## Journeys without an SLO");
        assertThat(html).startsWith("<!doctype html>").contains("<h2 id=\"search-availability\">", "too loose");
        assertThat(ReviewWriter.fileName(Q3, "md")).isEqualTo("slo-review-2026Q3.md");
    }

    @Test
    @DisplayName("a failed step named with markup and quotes shows as text in the HTML review")
    void hostileStepIsEscaped() {
        QuarterlyReview review = new QuarterlyReview(DefinitionLoader.loadFolder(Path.of("../journeys/examples")).definitions(), Q3);
        review.add(new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", AUGUST_OUTAGE, 900, OutcomeStatus.FAILURE, 1,
                Optional.of("<script>alert(\"x\")</script>"), Optional.of("HTTP 500"), List.of(), Map.of()));

        String html = ReviewWriter.html(review.finish(Instant.parse("2026-11-28T00:00:00Z")));

        assertThat(html).contains("<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>").doesNotContain("<script>");
    }
}
