package org.probefleet.prober.visitors;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Optional;

/**
 * One shopper's visit to the demo shop, as a person makes it: the catalogue, the deal of the day
 * into the cart, the checkout form, pay, and the order confirmation, in a fresh browser context.
 * Then the shopper leaves, which is when the page's beacon reports a checkout started and never
 * confirmed. The browser's own User-Agent goes out, never Probefleet's: to the shop this is a user.
 */
final class CheckoutVisit {

    /** How a visit ended: confirmed, or what the shopper was left waiting for. */
    record Result(boolean completed, Duration took, Optional<String> problem) {
    }

    /** The test card every demo payment uses; the email is a reserved domain's, as no real person shops here. */
    static final String EMAIL = "shopper@example.test";
    static final String CARD = "4242 4242 4242 4242";
    /** Time for the last page's beacons to leave before the context closes; keepalive fetches outlive the page, not the context. */
    private static final double BEACONS_SETTLE_MS = 1_000;

    private CheckoutVisit() {
    }

    /** Walks the checkout at {@code baseUrl}; a step that does not happen within {@code patience} ends the visit unconfirmed. */
    static Result walk(Browser browser, String baseUrl, Duration patience) {
        long started = System.nanoTime();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl))) {
            Page page = context.newPage();
            page.setDefaultTimeout(patience.toMillis());
            Optional<String> problem = Optional.empty();
            String doing = "opening the catalogue";
            try {
                page.navigate("/");
                doing = "adding the deal of the day to the cart";
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
                doing = "going to the checkout";
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
                doing = "filling in the checkout form";
                page.getByLabel("Email").fill(EMAIL);
                page.getByLabel("Card number").fill(CARD);
                doing = "paying";
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay now")).click();
                doing = "waiting for the order confirmation";
                page.getByText("Order confirmed").waitFor();
            } catch (PlaywrightException e) {
                problem = Optional.of(doing + ": " + reason(e.getMessage()));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            leave(page);
            return new Result(problem.isEmpty(), took, problem);
        }
    }

    /** Goes elsewhere, as a shopper closing the tab would: the shop's page hides, and its beacon says whether a checkout was left open. */
    private static void leave(Page page) {
        try {
            page.navigate("about:blank");
            page.waitForTimeout(BEACONS_SETTLE_MS);
        } catch (PlaywrightException e) {
            // The page is gone already (the browser died): there is nothing left to leave.
        }
    }

    /** Playwright's own sentence ("Timeout 10000ms exceeded."), without the call log it wraps it in. */
    static String reason(String message) {
        String text = message == null ? "the browser gave no reason" : message.strip();
        int quoted = text.indexOf("message='");
        if (quoted >= 0) {
            text = text.substring(quoted + "message='".length());
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
