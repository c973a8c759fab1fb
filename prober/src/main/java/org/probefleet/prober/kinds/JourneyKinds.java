package org.probefleet.prober.kinds;

import java.time.Clock;
import org.probefleet.journeys.model.Kind;
import org.probefleet.prober.browser.BrowserRunner;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.http.HttpRunner;
import org.probefleet.prober.run.RunnerRegistry;

/** Every journey kind this prober runs, each with its runner: the one place a new kind is wired in. */
public final class JourneyKinds {

    private JourneyKinds() {
    }

    public static RunnerRegistry registry(BrowserSettings browser, Clock clock) {
        return RunnerRegistry.empty(clock)
                .with(Kind.BROWSER, BrowserRunner.factory(browser))
                .with(Kind.HTTP, HttpRunner::new);
    }
}
