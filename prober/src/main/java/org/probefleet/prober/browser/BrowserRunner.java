package org.probefleet.prober.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.JourneyRunner;
import org.probefleet.prober.run.ProberFault;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.RunnerFactory;
import org.probefleet.prober.run.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs browser journeys in one Chromium, relaunched when it dies, with a fresh context per run
 * that is always closed. Playwright is not thread-safe: a runner belongs to the thread that uses it.
 */
public final class BrowserRunner implements JourneyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserRunner.class);

    private final BrowserSettings settings;
    private final Clock clock;
    private Playwright playwright;
    private Browser browser;

    public BrowserRunner(BrowserSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes a browser runner per thread, each driving its own Chromium with these settings. */
    public static RunnerFactory factory(BrowserSettings settings) {
        return clock -> new BrowserRunner(settings, clock);
    }

    /** The running Chromium, launched if there is none or it died; a browser that is missing or will not start is the agent's fault. */
    private Browser browser() {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (settings.executable().isEmpty()) {
            throw new ProberFault(ChromiumLocator.INSTALL_HINT);
        }
        closeQuietly();
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(settings.executable().get()).setArgs(settings.args()));
        } catch (RuntimeException e) {
            closeQuietly();
            throw new ProberFault(e);
        }
        LOG.info("launched Chromium {} from {}", browser.version(), settings.executable().get());
        return browser;
    }

    @Override
    public RunResult run(Journey journey, RunContext context) {
        try (BrowserAttempt attempt = new BrowserAttempt(journey, context, settings, clock)) {
            try {
                attempt.perform(attempt.open(browser()));
                return attempt.passed();
            } catch (Throwable e) {
                return attempt.ended(e);
            }
        }
    }

    /** Checks the browser itself works: a local page renders. */
    public Optional<String> selfCheck() {
        try (BrowserContext browserContext = browser().newContext()) {
            Page page = browserContext.newPage();
            page.setContent("<title>self-check</title><h1>ok</h1>");
            return "ok".equals(page.textContent("h1")) ? Optional.empty() : Optional.of("the self-check page did not render");
        } catch (RuntimeException e) {
            return Optional.of(Failures.oneLine(e, Secrets.fromEnvironment()));
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            LOG.debug("closing Chromium failed", e);
        }
        try {
            if (playwright != null) {
                playwright.close();
            }
        } catch (PlaywrightException e) {
            LOG.debug("closing Playwright failed", e);
        }
        browser = null;
        playwright = null;
    }
}
