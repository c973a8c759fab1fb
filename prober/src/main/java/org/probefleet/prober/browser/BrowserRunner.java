package org.probefleet.prober.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.util.Optional;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.JourneyRunner;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.RunnerFactory;
import org.probefleet.prober.run.Secrets;

/**
 * Runs browser journeys in one Chromium, relaunched when it dies, with a fresh context per run
 * that is always closed. Playwright is not thread-safe: a runner belongs to the thread that uses it.
 */
public final class BrowserRunner implements JourneyRunner {

    private final BrowserSettings settings;
    private final Clock clock;
    private final Chromium chromium;

    public BrowserRunner(BrowserSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.chromium = new Chromium(settings);
    }

    /** Makes a browser runner per thread, each driving its own Chromium with these settings. */
    public static RunnerFactory factory(BrowserSettings settings) {
        return clock -> new BrowserRunner(settings, clock);
    }

    @Override
    public RunResult run(Journey journey, RunContext context) {
        try (BrowserAttempt attempt = new BrowserAttempt(journey, context, settings, clock)) {
            try {
                attempt.perform(attempt.open(chromium.browser()));
                return attempt.passed();
            } catch (Throwable e) {
                return attempt.ended(e);
            }
        }
    }

    /** Checks the browser itself works: a local page renders. */
    public Optional<String> selfCheck() {
        try (BrowserContext browserContext = chromium.browser().newContext()) {
            Page page = browserContext.newPage();
            page.setContent("<title>self-check</title><h1>ok</h1>");
            return "ok".equals(page.textContent("h1")) ? Optional.empty() : Optional.of("the self-check page did not render");
        } catch (RuntimeException e) {
            return Optional.of(Failures.oneLine(e, Secrets.fromEnvironment()));
        }
    }

    @Override
    public void close() {
        chromium.close();
    }
}
