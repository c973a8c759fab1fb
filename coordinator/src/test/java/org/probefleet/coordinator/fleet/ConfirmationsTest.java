package org.probefleet.coordinator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunTrigger;

class ConfirmationsTest {

    private static final List<String> REGIONS = List.of("ap-south", "eu-west", "us-east");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final Confirmations confirmations = new Confirmations(clock);

    @Test
    @DisplayName("a failure after a pass asks every other region once; the failing region and other journeys are not asked")
    void failureAsksTheOtherRegions() {
        confirmations.observe(run("eu-west", OutcomeStatus.SUCCESS), REGIONS, MINUTE);
        confirmations.observe(run("eu-west", OutcomeStatus.FAILURE), REGIONS, MINUTE);

        assertThat(confirmations.take("us-east", List.of("login", "checkout"))).containsExactly("checkout");
        assertThat(confirmations.take("us-east", List.of("checkout"))).isEmpty();
        assertThat(confirmations.take("ap-south", List.of("login"))).isEmpty();
        assertThat(confirmations.take("ap-south", List.of("checkout"))).containsExactly("checkout");
        assertThat(confirmations.take("eu-west", List.of("checkout"))).isEmpty();
    }

    @Test
    @DisplayName("one round per journey and interval, only at the start of a failure streak, never from a confirmation run")
    void roundsAreBounded() {
        confirmations.observe(run("eu-west", OutcomeStatus.FAILURE), REGIONS, MINUTE);
        confirmations.take("us-east", List.of("checkout"));
        clock.advance(Duration.ofSeconds(30));
        confirmations.observe(run("ap-south", OutcomeStatus.FAILURE), REGIONS, MINUTE);
        assertThat(confirmations.take("us-east", List.of("checkout"))).as("within the interval").isEmpty();

        clock.advance(Duration.ofSeconds(40));
        confirmations.observe(run("eu-west", OutcomeStatus.FAILURE), REGIONS, MINUTE);
        confirmations.observe(run("us-east", OutcomeStatus.FAILURE).withTrigger(RunTrigger.CONFIRMATION), REGIONS, MINUTE);
        assertThat(confirmations.take("us-east", List.of("checkout"))).as("a streak continues, a confirmation asks nothing").isEmpty();

        confirmations.observe(run("eu-west", OutcomeStatus.SUCCESS), REGIONS, MINUTE);
        confirmations.observe(run("eu-west", OutcomeStatus.FAILURE), REGIONS, MINUTE);
        assertThat(confirmations.take("us-east", List.of("checkout"))).as("a new streak after the interval").containsExactly("checkout");
    }

    @Test
    @DisplayName("a request not picked up within the interval lapses: the scheduled run has come by then")
    void requestsLapse() {
        confirmations.observe(run("eu-west", OutcomeStatus.FAILURE), REGIONS, MINUTE);
        clock.advance(MINUTE);

        assertThat(confirmations.take("us-east", List.of("checkout"))).isEmpty();
    }

    private static Outcome run(String region, OutcomeStatus status) {
        return new Outcome(UUID.randomUUID(), "checkout", "1", region, region + "-1", Instant.parse("2026-11-30T12:00:00Z"), 1000,
                status, 1, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }
}
