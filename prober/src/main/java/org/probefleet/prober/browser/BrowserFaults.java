package org.probefleet.prober.browser;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.impl.TargetClosedError;
import org.probefleet.prober.run.ProberFault;

/**
 * Tells the browser's own breakage from the target's failure, by the exception's type and the
 * browser's state, never by message text: a Playwright error is the agent's when its page, context
 * or browser is closed under it, the browser is no longer connected, or the page crashed.
 */
final class BrowserFaults {

    private BrowserFaults() {
    }

    /**
     * The error as the run is to be judged: a {@link ProberFault} for the agent's own breakage, the
     * error itself otherwise. A timeout is always the target's: the step was waiting for the site.
     */
    static Throwable judge(Throwable error, boolean browserConnected, boolean pageCrashed) {
        if (!(error instanceof PlaywrightException) || error instanceof TimeoutError) {
            return error;
        }
        if (error instanceof TargetClosedError || !browserConnected || pageCrashed) {
            return new ProberFault(error);
        }
        return error;
    }
}
