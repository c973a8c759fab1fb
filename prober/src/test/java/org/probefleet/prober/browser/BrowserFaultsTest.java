package org.probefleet.prober.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.impl.TargetClosedError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.ProberFault;
import org.probefleet.wire.outcome.OutcomeStatus;

/** The browser's own breakage is told from the target's failure by type and the browser's state, not by what a message says. */
class BrowserFaultsTest {

    static OutcomeStatus judged(Throwable error, boolean browserConnected, boolean pageCrashed) {
        return Failures.classify(BrowserFaults.judge(error, browserConnected, pageCrashed));
    }

    @Test
    @DisplayName("a page, context or browser closed under the run is a prober error, keeping Playwright's message")
    void targetClosed() {
        Throwable judged = BrowserFaults.judge(new TargetClosedError("Target page, context or browser has been closed"), true, false);

        assertThat(judged).isInstanceOf(ProberFault.class).hasMessage("Target page, context or browser has been closed");
    }

    @Test
    @DisplayName("any Playwright error once the browser is disconnected or the page crashed is a prober error")
    void browserGone() {
        assertThat(judged(new PlaywrightException("Error: net::ERR_ABORTED"), false, false)).isEqualTo(OutcomeStatus.PROBER_ERROR);
        assertThat(judged(new PlaywrightException("Error: net::ERR_ABORTED"), true, true)).isEqualTo(OutcomeStatus.PROBER_ERROR);
    }

    @Test
    @DisplayName("a step's timeout is the target's failure even if the browser went away: the step was waiting for the site")
    void timeoutsAreFailures() {
        assertThat(judged(new TimeoutError("Timeout 15000ms exceeded."), true, false)).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(judged(new TimeoutError("Timeout 15000ms exceeded."), false, true)).isEqualTo(OutcomeStatus.FAILURE);
    }

    @Test
    @DisplayName("a Playwright error in a healthy browser is the target's failure, whatever its message mentions")
    void healthyBrowser() {
        assertThat(judged(new PlaywrightException("net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/"), true, false))
                .isEqualTo(OutcomeStatus.FAILURE);
        assertThat(judged(new PlaywrightException("the driver page answered: browser has been closed for maintenance"), true, false))
                .isEqualTo(OutcomeStatus.FAILURE);
    }

    @Test
    @DisplayName("errors that are not Playwright's are left as they are: a prober fault stays one, a journey's own error is a failure")
    void othersUnchanged() {
        ProberFault fault = new ProberFault("journey class X is not on the agent's classpath");
        IllegalStateException own = new IllegalStateException("cart is empty");

        assertThat(BrowserFaults.judge(fault, false, false)).isSameAs(fault);
        assertThat(BrowserFaults.judge(own, false, true)).isSameAs(own);
    }
}
