package org.probefleet.bench.prober;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.prober.agent.AgentMetrics;
import org.probefleet.prober.agent.RunExecutor;
import org.probefleet.prober.browser.BrowserRunner;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.JourneyScheduler;

/**
 * {@code fleet bench prober}: the agent under load against a running demo shop. First the
 * runner against a bare Playwright loop doing the same checkout steps, one after the other in
 * the same browser; then {@code journeys} copies of the checkout scheduled once a minute through
 * the agent's own scheduler and executor for {@code minutes}, counting runs, schedule lag and the
 * peak memory of the agent and its Chromium; then the same for a three-step HTTP journey.
 */
public final class ProberBench {

    static final String EMAIL = "bench-buyer@probefleet.test";
    static final String CARD = "4242 4242 4242 4242";
    static final Duration WARM_UP = Duration.ofMinutes(1);

    public record Settings(String baseUrl, int browserJourneys, int httpJourneys, Duration duration, int browserSlots, int loopRuns,
                           BrowserSettings browser) {
    }

    private final Settings settings;

    public ProberBench(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("probefleet-bench-prober");
        Secrets secrets = new Secrets(name -> name.equals("CHECKOUT_EMAIL") ? EMAIL : System.getenv(name), Map.of());
        out.printf("prober benchmark against %s; %d cores; %d browser slots%n%n", settings.baseUrl(),
                Runtime.getRuntime().availableProcessors(), settings.browserSlots());
        out.flush();
        Journey checkout = journeys(folder, "checkout", 1).get(0);
        double[] runner = runnerLoop(checkout, secrets, folder);
        double[] bare = bareLoop();
        out.println("| one checkout after another (" + settings.loopRuns() + " runs, after 3 warm-up) | mean ms | p50 ms | p99 ms |");
        out.println("|---|---:|---:|---:|");
        out.printf("| the agent's runner (fresh context, trace with snapshots, redaction) | %.0f | %.0f | %.0f |%n", runner[0], runner[1], runner[2]);
        out.printf("| bare Playwright loop (fresh context, same steps, no trace) | %.0f | %.0f | %.0f |%n", bare[0], bare[1], bare[2]);
        out.printf("runner / bare: %.2f (mean)%n%n", runner[0] / bare[0]);
        out.flush();
        if (settings.browserJourneys() > 0) {
            report(out, "browser", scheduled(journeys(folder, "checkout", settings.browserJourneys()), secrets, folder.resolve("browser")));
        }
        if (settings.httpJourneys() > 0) {
            report(out, "http", scheduled(journeys(folder, "api", settings.httpJourneys()), secrets, folder.resolve("http")));
        }
    }

    /** What a scheduled phase measured. */
    record Load(long runs, long failures, List<Long> lagMillis, long peakMemoryBytes, Duration elapsed, long missed) {
    }

    private void report(PrintWriter out, String kind, Load load) {
        List<Long> lags = new ArrayList<>(load.lagMillis());
        Collections.sort(lags);
        double minutes = load.elapsed().toMillis() / 60_000.0;
        out.printf("| %s journeys scheduled once a minute | runs/min | failures | lag p50 ms | lag p99 ms | missed | peak memory (PSS) agent + Chromium |%n", kind);
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        out.printf("| %d for %.1f min | %.1f | %d | %d | %d | %d | %.0f MiB |%n%n", kind.equals("browser") ? settings.browserJourneys()
                        : settings.httpJourneys(), minutes, load.runs() / minutes, load.failures(), percentile(lags, 0.5),
                percentile(lags, 0.99), load.missed(), load.peakMemoryBytes() / 1048576.0);
        out.flush();
    }

    /** The agent's runner over the same journey, one run after another. */
    private double[] runnerLoop(Journey checkout, Secrets secrets, Path folder) {
        List<Long> millis = new ArrayList<>();
        try (BrowserRunner runner = new BrowserRunner(settings.browser(), Clock.systemUTC())) {
            RunContext context = new RunContext("bench", "bench-1", Optional.empty(), secrets, folder.resolve("artifacts"), true);
            for (int run = -3; run < settings.loopRuns(); run++) {
                long start = System.nanoTime();
                RunResult result = runner.run(checkout, context);
                long took = (System.nanoTime() - start) / 1_000_000;
                if (result.status() != OutcomeStatus.SUCCESS) {
                    throw new IllegalStateException("the checkout failed in the runner loop: " + result.error().orElse("?")
                            + " (is the shop at " + settings.baseUrl() + " healthy, without chaos?)");
                }
                if (run >= 0) {
                    millis.add(took);
                }
                result.artifacts().values().forEach(file -> file.toFile().delete());
            }
        }
        return stats(millis);
    }

    /** The same steps straight on Playwright: a fresh context and page per run, nothing recorded. */
    private double[] bareLoop() {
        List<Long> millis = new ArrayList<>();
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(settings.browser().executable().orElseThrow()).setArgs(settings.browser().args()))) {
            for (int run = -3; run < settings.loopRuns(); run++) {
                long start = System.nanoTime();
                try (BrowserContext context = browser.newContext()) {
                    Page page = context.newPage();
                    page.navigate(settings.baseUrl() + "/");
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to cart")).click();
                    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Checkout")).click();
                    page.getByLabel("Email").fill(EMAIL);
                    page.getByLabel("Card number").fill(CARD);
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pay now")).click();
                    page.getByText("Order confirmed").waitFor();
                }
                if (run >= 0) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return stats(millis);
    }

    /** {@code count} journeys scheduled every minute through the agent's scheduler and executor, for the configured time. */
    private Load scheduled(List<Journey> journeys, Secrets secrets, Path folder) throws Exception {
        Files.createDirectories(folder);
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicLong peakMemory = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakMemory.accumulateAndGet(memoryOfAgentAndChildren(), Math::max), 0, 1, TimeUnit.SECONDS);
        Instant started;
        Instant stopped;
        long runs;
        long failures;
        long missed;
        try (Outbox outbox = new Outbox(folder.resolve("outbox"), 1L << 32)) {
            AgentMetrics metrics = new AgentMetrics(outbox::pending, () -> 0);
            AtomicLong bad = new AtomicLong();
            try (RunExecutor executor = new RunExecutor("bench", "bench-1", secrets, folder.resolve("artifacts"), outbox, metrics,
                    () -> true, settings.browser(), settings.browserSlots(), Clock.systemUTC());
                 JourneyScheduler scheduler = new JourneyScheduler(settings.browserSlots() + 16, (journey, planned, actual) -> {
                     if (measuring.get()) {
                         lags.add(Duration.between(planned, actual).toMillis());
                     }
                     executor.run(journey, planned, actual);
                 })) {
                scheduler.schedule(journeys, Instant.now());
                // The first minute (every journey's first run, a cold JIT and shop) is warm-up, not measured.
                TimeUnit.MILLISECONDS.sleep(WARM_UP.toMillis());
                long missedBefore = scheduler.missed();
                long before = outbox.pending();
                measuring.set(true);
                started = Instant.now();
                TimeUnit.MILLISECONDS.sleep(settings.duration().toMillis());
                measuring.set(false);
                stopped = Instant.now();
                List<Outbox.Entry> recorded = outbox.peek((int) outbox.pending());
                runs = recorded.size() - before;
                missed = scheduler.missed() - missedBefore;
                for (Outbox.Entry entry : recorded.subList((int) before, recorded.size())) {
                    if (entry.outcome().status() != OutcomeStatus.SUCCESS) {
                        bad.incrementAndGet();
                    }
                }
            }
            failures = bad.get();
        } finally {
            sampler.shutdownNow();
        }
        return new Load(runs, failures, List.copyOf(lags), peakMemory.get(), Duration.between(started, stopped), missed);
    }

    /** Copies of a bench journey, each with its own id (so the scheduler spreads them over the minute), against the shop. */
    private List<Journey> journeys(Path folder, String kind, int count) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + kind + "-" + i;
            files.add(new SourceFile(id + ".yaml", kind.equals("checkout") ? checkout(id) : api(id)));
        }
        LoadResult loaded = DefinitionLoader.load(files);
        if (!loaded.ok()) {
            throw new IllegalStateException("the benchmark's journeys do not load: " + loaded.problems());
        }
        return loaded.definitions().journeys();
    }

    private String checkout(String id) {
        return """
                journey: %s
                schedule: { every: 1m }
                timeout: 30s
                base_url: %s
                kind: browser
                steps:
                  - { name: open home, goto: / }
                  - { name: add to cart, click: { role: button, name: "Add to cart" } }
                  - { name: go to checkout, click: { role: link, name: "Checkout" } }
                  - { name: fill email, fill: { label: Email, value: "${secret:CHECKOUT_EMAIL}" } }
                  - { name: fill card, fill: { label: Card number, value: "%s" } }
                  - { name: pay, click: { role: button, name: "Pay now" } }
                  - { name: confirmed, expect: { text: "Order confirmed", within: 5s } }
                """.formatted(id, settings.baseUrl(), CARD);
    }

    private String api(String id) {
        return """
                journey: %s
                schedule: { every: 1m }
                timeout: 10s
                base_url: %s
                kind: http
                steps:
                  - name: list products
                    request: { method: GET, path: /api/products }
                    expect: { status: 200 }
                    extract: { product_id: "$.products[0].id" }
                  - name: create cart
                    request: { method: POST, path: /api/cart }
                    expect: { status: 201 }
                    extract: { cart_id: "$.id" }
                  - name: add item
                    request: { method: POST, path: "/api/cart/${cart_id}/items", json: { productId: "${product_id}", quantity: 1 } }
                    expect: { status: 200 }
                """.formatted(id, settings.baseUrl());
    }

    /**
     * Memory of this JVM and every process it started (Chromium and its helpers), from /proc: the
     * proportional set size, so pages Chromium's processes share are counted once, not per process.
     */
    static long memoryOfAgentAndChildren() {
        long total = proportionalSetSize(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += proportionalSetSize(child.pid());
        }
        return total;
    }

    private static long proportionalSetSize(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading, or /proc is not there: it holds nothing now
        }
        return 0;
    }

    private static double[] stats(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new double[] {sorted.stream().mapToLong(Long::longValue).average().orElse(Double.NaN), percentile(sorted, 0.5),
                percentile(sorted, 0.99)};
    }

    private static long percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
