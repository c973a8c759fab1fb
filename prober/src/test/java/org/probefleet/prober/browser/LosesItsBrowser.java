package org.probefleet.prober.browser;

import com.microsoft.playwright.Page;
import org.probefleet.journeys.BrowserJourney;
import org.probefleet.journeys.Steps;

/** A Java journey during which the agent's Chromium goes away, as when it is killed. */
public final class LosesItsBrowser implements BrowserJourney {

    @Override
    public void run(Page page, Steps steps) throws Exception {
        steps.step("lose the browser", () -> {
            page.context().browser().close();
            page.title();
        });
    }
}
