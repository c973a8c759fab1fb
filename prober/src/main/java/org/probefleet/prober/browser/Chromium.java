package org.probefleet.prober.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.util.Map;
import org.probefleet.prober.run.ProberFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium launched with the agent's settings, on first use and again when it died:
 * what the journey runner and the demo's visitors share. Playwright is not thread-safe: an
 * instance belongs to the thread that uses it.
 */
public final class Chromium implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);

    private final BrowserSettings settings;
    private Playwright playwright;
    private Browser browser;

    public Chromium(BrowserSettings settings) {
        this.settings = settings;
    }

    /** The running Chromium, launched if there is none or it died; a browser that is missing or will not start is the agent's fault. */
    public Browser browser() {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (settings.executable().isEmpty()) {
            throw new ProberFault(ChromiumLocator.INSTALL_HINT);
        }
        close();
        try {
            playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(settings.executable().get()).setArgs(settings.args()));
        } catch (RuntimeException e) {
            close();
            throw new ProberFault(e);
        }
        LOG.info("launched Chromium {} from {}", browser.version(), settings.executable().get());
        return browser;
    }

    /** Closes the browser and its driver, quietly: a browser that already died has nothing left to close. */
    @Override
    public void close() {
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
