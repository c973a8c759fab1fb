package org.probefleet.examples;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.probefleet.journeys.BrowserJourney;
import org.probefleet.journeys.Steps;

/**
 * A shopper searches for a lamp, opens the first result, adds it to the cart and sees it there:
 * a flow written in Java, as recorded by {@code playwright codegen --target java} and wrapped
 * step by step. Each {@code steps.step} is timed and named in the run's timeline.
 */
public final class SearchAndBuyJourney implements BrowserJourney {

    @Override
    public void run(Page page, Steps steps) throws Exception {
        steps.step("search", () -> {
            page.navigate("/search?q=lamp");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Desk Lamp")).first().click();
        });
        steps.step("add to cart", () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click());
        steps.step("see the cart", () -> {
            page.navigate("/cart");
            if (!page.textContent("body").contains("Desk Lamp")) {
                throw new AssertionError("the cart does not list the Desk Lamp");
            }
        });
    }
}
