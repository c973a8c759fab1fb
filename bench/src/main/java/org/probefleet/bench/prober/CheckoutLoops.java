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

/** The checkout one run after another, after a few warm-up runs: through the agent's executor, and straight on Playwright for Java. */
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

    /**
     * What the agent does for a healthy scheduled run, on this thread: a fresh context, the steps,
     * the evidence policy (no trace), the outcome written to a durable outbox.
     */
    LoopStats agentRunner(Journey checkout, Secrets secrets, Path folder) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (Outbox outbox = new Outbox(folder.resolve("loop-outbox"), 1L << 30)) {
            try (RunExecutor executor = new RunExecutor("bench", "bench-1", secrets, folder.resolve("loop-artifacts"), outbox,
                    new AgentMetrics(outbox::pending, () -> 0), () -> true, browser, Clock.systemUTC())) {
                for (int run = -WARM_UP; run < runs; run++) {
                    long start = System.nanoTime();
                    Instant now = Instant.now();
                    executor.run(DueRun.of(checkout, now, DueRun.SCHEDULED), now);
                    if (run >= 0) {
                        millis.add((System.nanoTime() - start) / 1_000_000);
                    }
                }
            }
            for (Outbox.Entry entry : outbox.peek((int) outbox.pending())) {
                if (entry.outcome().status() != OutcomeStatus.SUCCESS) {
                    throw new IllegalStateException("the checkout failed in the runner loop: " + entry.outcome().error().orElse("?")
                            + " (is the shop at " + baseUrl + " healthy, without chaos?)");
                }
            }
        }
        return LoopStats.of(millis);
    }

    /** The same steps straight on Playwright for Java: a fresh context and page per run, nothing recorded. */
    LoopStats bareJava() {
        List<Long> millis = new ArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(browser.executable().orElseThrow()).setArgs(browser.args()))) {
            for (int run = -WARM_UP; run < runs; run++) {
                long start = System.nanoTime();
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
                if (run >= 0) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return LoopStats.of(millis);
    }
}
