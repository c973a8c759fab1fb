package org.probefleet.prober.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.model.Kind;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Runners by kind: made once per thread's set on first use, closed together; a kind nobody registered is a prober error. */
class RunnerRegistryTest {

    final List<ScriptedRunner> made = new ArrayList<>();

    RunnerFactory scripted() {
        return clock -> {
            ScriptedRunner runner = new ScriptedRunner(OutcomeStatus.SUCCESS);
            made.add(runner);
            return runner;
        };
    }

    @Test
    @DisplayName("each kind gets the runner registered for it, made once per set and closed with the set")
    void runnersByKind() {
        RunnerRegistry registry = RunnerRegistry.empty(ScriptedRunner.CLOCK).with(Kind.HTTP, scripted()).with(Kind.BROWSER, scripted());

        try (Runners runners = registry.open()) {
            JourneyRunner http = runners.forJourney(ScriptedRunner.journey("http", 0));
            assertThat(runners.forJourney(ScriptedRunner.journey("http", 0))).isSameAs(http);
            assertThat(runners.forJourney(ScriptedRunner.journey("browser", 0))).isNotSameAs(http);
            assertThat(made).hasSize(2);
        }
        assertThat(made).allSatisfy(runner -> assertThat(runner.closes).isEqualTo(1));
        try (Runners other = registry.open()) {
            other.forJourney(ScriptedRunner.journey("http", 0));
        }
        assertThat(made).as("another thread's set makes its own runner").hasSize(3);
    }

    @Test
    @DisplayName("a journey of a kind with no runner ends as a prober error that names the kind")
    void missingRunner() {
        RunnerRegistry registry = RunnerRegistry.empty(ScriptedRunner.CLOCK).with(Kind.HTTP, scripted());

        try (Runners runners = registry.open()) {
            RunResult result = runners.forJourney(ScriptedRunner.journey("browser", 2)).run(ScriptedRunner.journey("browser", 2),
                    ScriptedRunner.context());

            assertThat(result.status()).isEqualTo(OutcomeStatus.PROBER_ERROR);
            assertThat(result.error()).isEqualTo(Optional.of("this agent has no runner for browser journeys"));
            assertThat(result.startedAt()).isEqualTo(ScriptedRunner.CLOCK.instant());
        }
    }

    @Test
    @DisplayName("registering a second runner for a kind is refused")
    void oneRunnerPerKind() {
        RunnerRegistry registry = RunnerRegistry.empty(ScriptedRunner.CLOCK).with(Kind.HTTP, scripted());

        assertThatThrownBy(() -> registry.with(Kind.HTTP, scripted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a runner for HTTP journeys is already registered");
    }
}
