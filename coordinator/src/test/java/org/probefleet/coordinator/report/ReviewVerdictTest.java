package org.probefleet.coordinator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Verdicts on hand-worked short quarters: 48 hours of checkout in January, every region every 10
 * minutes from 00:03 (864 runs; a 99.4% target allows 5.184 bad runs), failing together at
 * 18:03, 18:13, … of the first day.
 */
class ReviewVerdictTest {

    static final Quarter Q1 = Quarter.parse("2027Q1").orElseThrow();
    static final Instant FIRST_FAILURE = Instant.parse("2027-01-01T18:03:00Z");
    static final Instant NOW = Instant.parse("2027-01-03T00:00:00Z");
    static final Deploy RISKY = deploy("2027.1.1", Instant.parse("2027-01-01T18:00:00Z"));
    static final Deploy QUIET = deploy("2027.1.2", Instant.parse("2027-01-02T09:00:00Z"));

    static Deploy deploy(String version, Instant at) {
        return new Deploy(UUID.randomUUID(), version, at, "alice", Optional.empty(), List.of("checkout-journey-success"), List.of());
    }

    /** The review with {@code failures} consecutive failed runs in every region from 18:03 on the first day. */
    static QuarterlyReview.SloReview january(int failures) {
        QuarterlyReview review = new QuarterlyReview(DefinitionLoader.loadFolder(Path.of("../journeys/examples")).definitions(), Q1,
                List.of(RISKY, QUIET));
        for (Instant at = Q1.start().plus(Duration.ofMinutes(3)); at.isBefore(NOW); at = at.plus(Duration.ofMinutes(10))) {
            boolean bad = !at.isBefore(FIRST_FAILURE) && at.isBefore(FIRST_FAILURE.plus(Duration.ofMinutes(10L * failures)));
            for (String region : List.of("eu-west", "us-east", "ap-south")) {
                review.add(new Outcome(UUID.randomUUID(), "checkout", "1", region, region + "-1", at, 900,
                        bad ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS, 1, bad ? Optional.of("pay") : Optional.empty(),
                        bad ? Optional.of("HTTP 500") : Optional.empty(), List.of(), Map.of()));
            }
        }
        return review.finish(NOW).slos().stream().filter(slo -> slo.slo().name().equals("checkout-journey-success")).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("over budget: 12 bad runs of 864 consumed 231.5% of the budget in the only month, so the target is too tight")
    void overBudget() {
        QuarterlyReview.SloReview checkout = january(4);

        assertThat(checkout.verdict()).isEqualTo(Verdict.TOO_TIGHT);
        assertThat(checkout.recommendation()).startsWith("The budget ran out in 1 of 1 month. The quarter consumed 231.5% of its budget.");
        assertThat(ReviewWriter.markdown(new QuarterlyReview.Review(Q1, NOW, List.of(checkout), List.of())))
                .contains("| 2027-01 | 864 | 98.611% | 231.5% | **no** |");
    }

    @Test
    @DisplayName("a breach starts at the engine's minute, and regions that failed equally are named together, none the worst")
    void breachAtTheMinute() {
        QuarterlyReview.SloReview checkout = january(4);

        assertThat(checkout.breaches()).isNotEmpty();
        // The first failures (18:03 in every region) page at once: on a 5-minute grid the page would read 18:05.
        assertThat(checkout.breaches().get(0).start()).isEqualTo(Instant.parse("2027-01-01T18:03:00Z"));
        assertThat(checkout.breaches()).allSatisfy(breach -> {
            assertThat(breach.step()).isEqualTo("pay");
            assertThat(breach.region()).isEqualTo("ap-south, eu-west, us-east (equally)");
        });
    }

    @Test
    @DisplayName("the days in each policy state add up to the time reviewed, and the release before the failures spent the most")
    void statesAndReleases() {
        QuarterlyReview.SloReview checkout = january(4);

        assertThat(checkout.states().stream().map(QuarterlyReview.StateTime::time).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofDays(2));
        assertThat(checkout.states().get(0).state()).isEqualTo("FULL");
        assertThat(checkout.releases()).extracting(QuarterlyReview.ReleaseSpend::version).containsExactly("2027.1.1", "2027.1.2");
        assertThat(checkout.releases().get(0).bad()).isEqualTo(12);
        assertThat(QuarterlyReview.percent(checkout.releases().get(0).budgetSpent())).isEqualTo("231.5%");
    }

    @Test
    @DisplayName("about right: 3 bad runs spent 57.9% of the budget without running out")
    void aboutRight() {
        QuarterlyReview.SloReview checkout = january(1);

        assertThat(checkout.verdict()).isEqualTo(Verdict.ABOUT_RIGHT);
        assertThat(checkout.recommendation())
                .isEqualTo("The budget was used (at most 57.9% in a month, 57.9% over the quarter) without running out.");
    }

    @Test
    @DisplayName("far under: no bad run never came near 10% of the budget, so the target is too loose")
    void farUnder() {
        QuarterlyReview.SloReview checkout = january(0);

        assertThat(checkout.verdict()).isEqualTo(Verdict.TOO_LOOSE);
        assertThat(checkout.recommendation()).startsWith("Never above 10% of the budget consumed (at most 0%).");
    }
}
