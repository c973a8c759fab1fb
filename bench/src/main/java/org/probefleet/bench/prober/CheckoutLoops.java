package org.probefleet.bench.prober;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.agent.AgentMetrics;
import org.probefleet.prober.agent.RunExecutor;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.DueRun;
import org.probefleet.wire.outcome.OutcomeStatus;

/** The checkout one run after another, after a few warm-up runs: through the agent's executor and straight on Playwright for Java. */
final class CheckoutLoops {

    static final int WARM_UP = 3;

    private final String baseUrl;
    private final BrowserSettings browser;
    private final int runs;

    CheckoutLoops(String baseUrl, BrowserSettings browser, int runs) {
        this.baseUrl = baseUrl;
        this.browser = browser;
        this.runs = runs;
    }

    /** The runner's and the bare loop's figures, measured side by side. */
    record Comparison(LoopStats runner, LoopStats bareJava) {
        double ratio() {
            return runner.meanMs() / bareJava.meanMs();
        }
    }

    /**
     * The checkout through the agent's executor and straight on Playwright for Java, one run of
     * each in turn, so both meet the same shop, JIT and neighbours. The executor's run is what
     * the agent does for a healthy scheduled run: a fresh context, the steps, the evidence policy
     * (no trace), the outcome fsynced to an outbox.
     */
    Comparison compare(Journey checkout, Secrets secrets, Path folder) throws Exception {
        List<Long> runner = new ArrayList<>();
        List<Long> bare = new ArrayList<>();
        try (Outbox outbox = new Outbox(folder.resolve("loop-outbox"), 1L << 30);
             RunExecutor executor = new RunExecutor("bench", "bench-1", secrets, folder.resolve("loop-artifacts"), outbox,
                     new AgentMetrics(outbox::pending, () -> 0), () -> true, browser, Clock.systemUTC());
             Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(browser.executable().orElseThrow()).setArgs(browser.args()))) {
            for (int run = -WARM_UP; run < runs; run++) {
                long start = System.nanoTime();
                Instant now = Instant.now();
                executor.run(DueRun.of(checkout, now, DueRun.SCHEDULED), now);
                long middle = System.nanoTime();
                bareCheckout(chromium);
                if (run >= 0) {
                    runner.add((middle - start) / 1_000_000);
                    bare.add((System.nanoTime() - middle) / 1_000_000);
                }
            }
            for (Outbox.Entry entry : outbox.peek((int) outbox.pending())) {
                if (entry.outcome().status() != OutcomeStatus.SUCCESS) {
                    throw new IllegalStateException("the checkout failed in the runner loop: " + entry.outcome().error().orElse("?")
                            + " (is the shop at " + baseUrl + " healthy, without chaos?)");
                }
            }
        }
        return new Comparison(LoopStats.of(runner), LoopStats.of(bare));
    }

    /** The same steps straight on Playwright for Java: a fresh context and page, nothing recorded. */
    private void bareCheckout(Browser chromium) {
        try (BrowserContext context = chromium.newContext()) {
            Page page = context.newPage();
            page.navigate(baseUrl + "/");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
            page.getByLabel("Email").fill(BenchJourneys.EMAIL);
            page.getByLabel("Card number").fill(BenchJourneys.CARD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay now")).click();
            page.getByText("Order confirmed").waitFor();
        }
    }
}
