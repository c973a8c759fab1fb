package org.probefleet.prober.browser;

import com.microsoft.playwright.Page;
import org.probefleet.journeys.BrowserJourney;
import org.probefleet.journeys.Steps;

/** A Java journey that needs nothing but a working browser. */
public final class RendersALocalPage implements BrowserJourney {

    @Override
    public void run(Page page, Steps steps) throws Exception {
        steps.step("render", () -> {
            page.setContent("<h1>ok</h1>");
            if (!"ok".equals(page.textContent("h1"))) {
                throw new IllegalStateException("the local page did not render");
            }
        });
    }
}
