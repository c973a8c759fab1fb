package org.probefleet.prober.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.model.Kind;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.run.RunnerRegistry;
import org.probefleet.prober.run.ScriptedRunner;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.DueRun;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunTrigger;

/** What the agent records for a run: a failure while its own self-check fails is its own error, not the target's. */
class RunExecutorTest {

    @TempDir
    Path folder;
    final AtomicBoolean selfCheckOk = new AtomicBoolean(true);

    /** The outcome the executor records for one scheduled run of an HTTP journey with these runners. */
    Outcome recorded(RunnerRegistry registry) {
        return recorded(registry, DueRun.SCHEDULED);
    }

    Outcome recorded(RunnerRegistry registry, String reason) {
        try (Outbox outbox = new Outbox(folder.resolve("outbox"), 1L << 20);
             RunExecutor executor = new RunExecutor("eu-west", "eu-west-1", new Secrets(name -> null, Map.of()), folder.resolve("artifacts"),
                     outbox, new AgentMetrics(outbox::pending, () -> 0), selfCheckOk::get, registry)) {
            Instant now = ScriptedRunner.CLOCK.instant();
            executor.run(DueRun.of(ScriptedRunner.journey("http", 0), now, reason), now);
            List<Outbox.Entry> entries = outbox.peek((int) outbox.pending());
            return entries.get(entries.size() - 1).outcome();
        }
    }

    OutcomeStatus recorded(OutcomeStatus ended) {
        return recorded(RunnerRegistry.empty(ScriptedRunner.CLOCK).with(Kind.HTTP, clock -> new ScriptedRunner(ended))).status();
    }

    @Test
    @DisplayName("while the self-check passes, the runner's failure is recorded as the target's failure")
    void failureWithHealthyAgent() {
        assertThat(recorded(OutcomeStatus.FAILURE)).isEqualTo(OutcomeStatus.FAILURE);
    }

    @Test
    @DisplayName("while the self-check fails, a failure is recorded as a prober error; a success stays a success")
    void failureWithFailingSelfCheck() {
        selfCheckOk.set(false);

        assertThat(recorded(OutcomeStatus.FAILURE)).isEqualTo(OutcomeStatus.PROBER_ERROR);
        assertThat(recorded(OutcomeStatus.SUCCESS)).isEqualTo(OutcomeStatus.SUCCESS);
    }

    @Test
    @DisplayName("a journey kind the agent has no runner for is recorded as a prober error")
    void missingKind() {
        Outcome outcome = recorded(RunnerRegistry.empty(ScriptedRunner.CLOCK));

        assertThat(outcome.status()).isEqualTo(OutcomeStatus.PROBER_ERROR);
        assertThat(outcome.error()).hasValue("this agent has no runner for http journeys");
    }

    @Test
    @DisplayName("a run the coordinator asked to confirm a failure is recorded as a confirmation run; a scheduled one as scheduled")
    void confirmationRun() {
        RunnerRegistry registry = RunnerRegistry.empty(ScriptedRunner.CLOCK).with(Kind.HTTP, clock -> new ScriptedRunner(OutcomeStatus.FAILURE));

        assertThat(recorded(registry, DueRun.CONFIRMATION).trigger()).isEqualTo(RunTrigger.CONFIRMATION);
        assertThat(recorded(registry).trigger()).isEqualTo(RunTrigger.SCHEDULE);
    }
}
