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
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.ScriptedRunner;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;

/** A browser the agent lacks, will not start or goes away is the agent's problem: a prober error, never the target's failure. */
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
    static Journey javaJourney(Class<?> type) {
        return DefinitionLoader.load(List.of(new SourceFile("java.yaml", "journey: java\nkind: browser\nclass: " + type.getName() + "\n")))
                .definitions().journeys().get(0);
    }

    @Test
    @DisplayName("a browser that goes away during a run is a prober error at that step, and the next run gets a new browser")
    void browserGoesAway() {
        try (BrowserRunner runner = new BrowserRunner(BrowserSettings.defaults(Optional.empty()), ScriptedRunner.CLOCK)) {
            RunResult lost = runner.run(javaJourney(LosesItsBrowser.class), ScriptedRunner.context());

            assertThat(lost.status()).as(lost.error().orElse("")).isEqualTo(OutcomeStatus.PROBER_ERROR);
            assertThat(lost.failedStep()).hasValue("lose the browser");
            assertThat(lost.steps()).extracting(StepResult::status).containsExactly(OutcomeStatus.PROBER_ERROR);

            RunResult next = runner.run(javaJourney(RendersALocalPage.class), ScriptedRunner.context());
            assertThat(next.status()).as(next.error().orElse("")).isEqualTo(OutcomeStatus.SUCCESS);
        }
    }
}
