package org.probefleet.prober.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.ScriptedRunner;
import org.probefleet.wire.outcome.OutcomeStatus;

/** A browser the agent lacks, or one that will not start, is the agent's problem: a prober error with the reason. */
class BrowserRunnerTest {

    @Test
    @DisplayName("without a Chromium every browser run is a prober error that says how to install one")
    void missingBrowser() {
        BrowserSettings none = new BrowserSettings(Optional.empty(), BrowserSettings.DEFAULT_ARGS, Duration.ofSeconds(1));

        try (BrowserRunner runner = new BrowserRunner(none, ScriptedRunner.CLOCK)) {
            RunResult result = runner.run(ScriptedRunner.journey("browser", 0), ScriptedRunner.context());

            assertThat(result.status()).isEqualTo(OutcomeStatus.PROBER_ERROR);
            assertThat(result.error()).isEqualTo(Optional.of(ChromiumLocator.INSTALL_HINT));
            assertThat(result.steps()).isEmpty();
        }
    }

    @Test
    @DisplayName("a Chromium that will not start is a prober error, not a failure of the target")
    void browserWillNotStart(@TempDir Path folder) throws Exception {
        Path notChromium = Files.writeString(folder.resolve("chromium"), "not a browser");
        BrowserSettings broken = new BrowserSettings(Optional.of(notChromium), List.of(), Duration.ofSeconds(1));

        try (BrowserRunner runner = new BrowserRunner(broken, ScriptedRunner.CLOCK)) {
            RunResult result = runner.run(ScriptedRunner.journey("browser", 0), ScriptedRunner.context());

            assertThat(result.status()).isEqualTo(OutcomeStatus.PROBER_ERROR);
            assertThat(result.error()).hasValue("Failed to launch: Error: spawn " + notChromium + " EACCES");
            assertThat(result.steps()).isEmpty();
        }
    }
}
