package org.probefleet.prober.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Retries: failures are retried up to the journey's count, prober errors never. */
class AttemptsTest {

    @Test
    @DisplayName("a failure is retried up to the journey's retries and reported with every attempt")
    void retriesFailures() {
        ScriptedRunner runner = new ScriptedRunner(OutcomeStatus.FAILURE);

        Attempts.Report report = Attempts.run(runner, ScriptedRunner.journey("http", 2), ScriptedRunner.context(), "v1");

        assertThat(runner.runs).isEqualTo(3);
        assertThat(report.outcome().status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(report.outcome().attempts()).isEqualTo(3);
        assertThat(report.outcome().error()).isEqualTo(Optional.of("attempt 3 ended FAILURE"));
    }

    @Test
    @DisplayName("a pass on a retry is a success with attempts > 1")
    void flakyPass() {
        ScriptedRunner runner = new ScriptedRunner(OutcomeStatus.FAILURE, OutcomeStatus.SUCCESS);

        Attempts.Report report = Attempts.run(runner, ScriptedRunner.journey("http", 2), ScriptedRunner.context(), "v1");

        assertThat(report.outcome().status()).isEqualTo(OutcomeStatus.SUCCESS);
        assertThat(report.outcome().attempts()).isEqualTo(2);
    }

    @Test
    @DisplayName("a prober error is not retried: another attempt cannot tell anything about the target")
    void proberErrorsAreNotRetried() {
        ScriptedRunner runner = new ScriptedRunner(OutcomeStatus.PROBER_ERROR, OutcomeStatus.SUCCESS);

        Attempts.Report report = Attempts.run(runner, ScriptedRunner.journey("http", 2), ScriptedRunner.context(), "v1");

        assertThat(runner.runs).isEqualTo(1);
        assertThat(report.outcome().status()).isEqualTo(OutcomeStatus.PROBER_ERROR);
    }

    @Test
    @DisplayName("a prober error on a retry ends the retries with that prober error")
    void proberErrorOnRetry() {
        ScriptedRunner runner = new ScriptedRunner(OutcomeStatus.FAILURE, OutcomeStatus.PROBER_ERROR, OutcomeStatus.SUCCESS);

        Attempts.Report report = Attempts.run(runner, ScriptedRunner.journey("http", 3), ScriptedRunner.context(), "v1");

        assertThat(runner.runs).isEqualTo(2);
        assertThat(report.outcome().status()).isEqualTo(OutcomeStatus.PROBER_ERROR);
        assertThat(report.outcome().attempts()).isEqualTo(2);
    }
}
