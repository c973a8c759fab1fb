package org.probefleet.prober.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Tracing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.probefleet.journeys.BrowserJourney;
import org.probefleet.wire.Conventions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Step;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.JourneyRunner;
import org.probefleet.prober.run.Resolver;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs browser journeys in one Chromium, relaunched when it dies, with a fresh context per run
 * that is always closed. Playwright is not thread-safe: a runner belongs to the thread that uses it.
 */
public final class BrowserRunner implements JourneyRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserRunner.class);

    private final BrowserSettings settings;
    private final Clock clock;
    private Playwright playwright;
    private Browser browser;

    public BrowserRunner(BrowserSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private Browser browser() {
        if (browser != null && browser.isConnected()) {
            return browser;
        }
        if (settings.executable().isEmpty()) {
            throw new MissingBrowser(ChromiumLocator.INSTALL_HINT);
        }
        closeQuietly();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(settings.executable().get()).setArgs(settings.args()));
        LOG.info("launched Chromium {} from {}", browser.version(), settings.executable().get());
        return browser;
    }

    /** The agent lacks a Java journey's class: a prober error, the target is not at fault. */
    static final class MissingJourneyClass extends RuntimeException {
        MissingJourneyClass(String message) {
            super(message);
        }
    }

    /** The agent has no usable browser: every browser run is a prober error until one is installed. */
    static final class MissingBrowser extends RuntimeException {
        MissingBrowser(String message) {
            super(message);
        }
    }

    @Override
    public RunResult run(Journey journey, RunContext context) {
        Resolver resolver = new Resolver(context.secrets(), System::getenv);
        List<StepResult> steps = new ArrayList<>();
        Map<String, Path> artifacts = new LinkedHashMap<>();
        BrowserContext browserContext = null;
        String current = null;
        String expectation = null;
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        try {
            Browser chromium = browser();
            long deadline = System.nanoTime() + journey.timeout().toNanos();
            Browser.NewContextOptions options = new Browser.NewContextOptions()
                    .setExtraHTTPHeaders(Map.of(Conventions.REGION_HEADER, context.region()))
                    .setUserAgent(userAgent(chromium, context.region()));
            Optional<String> baseUrl = context.baseUrl().or(() -> journey.baseUrl().map(url -> resolver.render(url, Map.of())));
            baseUrl.ifPresent(options::setBaseURL);
            browserContext = chromium.newContext(options);
            if (context.recordArtifacts()) {
                browserContext.tracing().start(new Tracing.StartOptions().setSnapshots(true).setScreenshots(false).setSources(false));
            }
            Page page = browserContext.newPage();
            AtomicReference<String> httpError = new AtomicReference<>();
            page.onResponse(response -> {
                if (response.status() >= 400 && response.request().isNavigationRequest() && response.frame() == page.mainFrame()) {
                    httpError.set("the page answered HTTP " + response.status() + " (" + response.request().method() + " "
                            + response.url() + ")");
                }
            });
            List<Locator> secretFields = new ArrayList<>();
            // The journey's time starts at its first step: launching Chromium, a fresh context and the
            // trace are the agent's cost (seconds on a loaded host), not the site's.
            startedAt = clock.instant();
            start = System.nanoTime();
            if (journey.javaClass().isPresent()) {
                JavaSteps javaSteps = new JavaSteps(steps);
                try {
                    instantiate(journey.javaClass().get()).run(page, javaSteps);
                } finally {
                    current = javaSteps.current();
                }
            } else {
                BrowserSteps performer = new BrowserSteps(page, resolver, secretFields);
                for (Step step : journey.steps()) {
                    current = step.name();
                    expectation = step.describe();
                    long stepStart = System.nanoTime();
                    double remainingMs = (deadline - stepStart) / 1e6;
                    if (remainingMs <= 0) {
                        throw new JourneyTimeout("the journey's timeout of " + journey.timeout().toSeconds() + "s ran out before this step");
                    }
                    httpError.set(null);
                    try {
                        performer.perform(step, Math.min(remainingMs, settings.stepTimeout().toMillis()));
                        if (httpError.get() != null) {
                            throw new HttpFailure(httpError.get());
                        }
                    } catch (RuntimeException | Error e) {
                        steps.add(new StepResult(step.name(), (System.nanoTime() - stepStart) / 1_000_000, Failures.classify(e)));
                        throw httpError.get() != null && !(e instanceof HttpFailure) ? new HttpFailure(httpError.get()) : e;
                    }
                    steps.add(new StepResult(step.name(), (System.nanoTime() - stepStart) / 1_000_000, OutcomeStatus.SUCCESS));
                }
            }
            current = null;
            expectation = null;
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            if (context.recordArtifacts()) {
                artifacts.put("trace", stopTrace(browserContext, context, journey, startedAt));
            }
            return new RunResult(startedAt, durationMs, OutcomeStatus.SUCCESS, steps,
                    Optional.empty(), Optional.empty(), Optional.empty(), artifacts);
        } catch (Throwable e) {
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            OutcomeStatus status = e instanceof MissingBrowser || e instanceof MissingJourneyClass ? OutcomeStatus.PROBER_ERROR
                    : Failures.classify(e);
            if (status == OutcomeStatus.PROBER_ERROR) {
                LOG.warn("journey {}: prober error: {}", journey.id(), Failures.oneLine(e, context.secrets()));
            }
            if (browserContext != null && context.recordArtifacts() && status == OutcomeStatus.FAILURE) {
                capture(browserContext, context, journey, startedAt, artifacts);
            }
            return new RunResult(startedAt, durationMs, status, steps, Optional.ofNullable(current),
                    Optional.ofNullable(expectation), Optional.of(Failures.oneLine(e, context.secrets())), artifacts);
        } finally {
            if (browserContext != null) {
                try {
                    browserContext.close();
                } catch (PlaywrightException e) {
                    LOG.debug("closing a browser context failed", e);
                }
            }
        }
    }

    /** A failure screenshot (secret fields masked) and the trace, both redacted, for the failing run. */
    private void capture(BrowserContext browserContext, RunContext context, Journey journey, Instant startedAt, Map<String, Path> artifacts) {
        try {
            Files.createDirectories(context.artifactDir());
            if (!browserContext.pages().isEmpty()) {
                Page page = browserContext.pages().get(0);
                Path screenshot = context.artifactDir().resolve(name(journey, startedAt, "screenshot.png"));
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true).setTimeout(10_000)
                        .setMask(secretLocators(page)));
                artifacts.put("screenshot", screenshot);
            }
            artifacts.put("trace", stopTrace(browserContext, context, journey, startedAt));
        } catch (IOException | PlaywrightException e) {
            LOG.warn("journey {}: could not save failure artifacts: {}", journey.id(), Failures.oneLine(e, context.secrets()));
        }
    }

    /** Every input whose text is hidden by the secret style set before a secret was typed into it. */
    private static List<Locator> secretLocators(Page page) {
        return List.of(page.locator("input[style*='text-security'], textarea[style*='text-security']"));
    }

    private Path stopTrace(BrowserContext browserContext, RunContext context, Journey journey, Instant startedAt) throws IOException {
        Files.createDirectories(context.artifactDir());
        Path trace = context.artifactDir().resolve(name(journey, startedAt, "trace.zip"));
        browserContext.tracing().stop(new Tracing.StopOptions().setPath(trace));
        TraceRedactor.redact(trace, context.secrets());
        return trace;
    }

    private static String name(Journey journey, Instant startedAt, String suffix) {
        return journey.id() + "-" + startedAt.toString().replace(":", "").replace(".", "") + "-" + suffix;
    }

    private static String userAgent(Browser chromium, String region) {
        return "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + chromium.version()
                + " Safari/537.36 " + Conventions.USER_AGENT_PRODUCT + "/" + Conventions.VERSION + " (synthetic; region=" + region + ")";
    }

    private static BrowserJourney instantiate(String className) throws ReflectiveOperationException {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new MissingJourneyClass("journey class " + className + " is not on the agent's classpath: give its jar with --classpath JAR");
        }
        if (!BrowserJourney.class.isAssignableFrom(type)) {
            throw new ClassCastException(className + " does not implement " + BrowserJourney.class.getName());
        }
        return (BrowserJourney) type.getDeclaredConstructor().newInstance();
    }

    /** Checks the browser itself works: a local page renders. */
    public Optional<String> selfCheck() {
        try (BrowserContext browserContext = browser().newContext()) {
            Page page = browserContext.newPage();
            page.setContent("<title>self-check</title><h1>ok</h1>");
            return "ok".equals(page.textContent("h1")) ? Optional.empty() : Optional.of("the self-check page did not render");
        } catch (RuntimeException e) {
            return Optional.of(Failures.oneLine(e, org.probefleet.prober.run.Secrets.fromEnvironment()));
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            LOG.debug("closing Chromium failed", e);
        }
        try {
            if (playwright != null) {
                playwright.close();
            }
        } catch (PlaywrightException e) {
            LOG.debug("closing Playwright failed", e);
        }
        browser = null;
        playwright = null;
    }

    /** The page answered an HTTP error on navigation: the failure, even if the step's wait had not timed out. */
    static final class HttpFailure extends RuntimeException {
        HttpFailure(String message) {
            super(message);
        }
    }

    static final class JourneyTimeout extends RuntimeException {
        JourneyTimeout(String message) {
            super(message);
        }
    }
}
