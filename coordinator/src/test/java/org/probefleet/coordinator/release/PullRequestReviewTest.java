package org.probefleet.coordinator.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.model.PathGlob;

class PullRequestReviewTest {

    static PullRequestReview.Standing checkout(String state, String releases, boolean allowed) {
        return new PullRequestReview.Standing("checkout-completion-rate", List.of(new PathGlob("services/payment/**"),
                new PathGlob("services/checkout/**")), state, releases, allowed, 0.12, "Only 0 past releases on record.");
    }

    static final PullRequestReview.Standing LOGIN = new PullRequestReview.Standing("login-success-rate",
            List.of(new PathGlob("services/auth/**")), "FULL", "allowed", true, 0.9, "-");

    @Test
    @DisplayName("a PR touching services/payment/x.java gets the checkout label and checklist, and exit 3 while checkout is CRITICAL")
    void touchesCheckoutWhileCritical() {
        PullRequestReview review = PullRequestReview.of(List.of("services/payment/x.java", "README.md"),
                List.of(checkout("CRITICAL", "frozen", false), LOGIN));

        assertThat(review.labels()).containsExactly("slo-impact:checkout-completion-rate");
        assertThat(review.exitCode()).isEqualTo(3);
        assertThat(review.markdown()).isEqualTo("""
                ## Error budget review

                Labels: `slo-impact:checkout-completion-rate`

                ### checkout-completion-rate: CRITICAL, releases frozen

                Budget left: 12%. On its critical path: `services/payment/x.java`.

                Release estimate: Only 0 past releases on record.

                **The policy of checkout-completion-rate forbids releases now (CRITICAL).**

                ### Reliability checklist

                **Latency budget awareness** (a new synchronous call on the critical path)
                - [ ] What is the p99 latency of each new synchronous call?
                - [ ] What happens when it times out, and is the timeout set (well inside the journey's own)?
                - [ ] Is there a fallback?

                **Failure-mode documentation** (changes to stateful systems: schema changes, queue consumers, caches)
                - [ ] What does this look like when it fails?
                - [ ] Can it fail partially?
                - [ ] Is the failure loud or silent?

                **Error budget estimation** (high-risk releases)
                - [ ] Does the release estimate below fit in the budget left? If not, plan the release with the SLO's owner.
                """);
    }

    @Test
    @DisplayName("the same PR passes (exit 0) while the policy allows releases; a PR off every critical path gets no label and no checklist")
    void allowedAndUntouched() {
        assertThat(PullRequestReview.of(List.of("services/payment/x.java"), List.of(checkout("CAUTION", "review", true))).exitCode())
                .isZero();
        PullRequestReview untouched = PullRequestReview.of(List.of("docs/intro.md"), List.of(checkout("CRITICAL", "frozen", false), LOGIN));
        assertThat(untouched.labels()).isEmpty();
        assertThat(untouched.exitCode()).isZero();
        assertThat(untouched.markdown()).isEqualTo("## Error budget review\n\nNo changed file is on an SLO's critical path.\n");
    }
}
