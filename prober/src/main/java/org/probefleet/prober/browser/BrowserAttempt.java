package org.probefleet.prober.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.probefleet.journeys.BrowserJourney;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Step;
import org.probefleet.prober.run.Evidence;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.ProberFault;
import org.probefleet.prober.run.Resolver;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a browser journey in a fresh context: opened, its steps performed and timed, then
 * judged (passed, or ended by an error with the failure's artifacts), and always closed.
 */
final class BrowserAttempt implements AutoCloseable {

    /** The runner's logger: an attempt's warnings are the browser runner's. */
    private static final Logger LOG = LoggerFactory.getLogger(BrowserRunner.class);

    private final Journey journey;
    private final RunContext context;
    private final BrowserSettings settings;
    private final Clock clock;
    private final Resolver resolver;
    private final List<StepResult> steps = new ArrayList<>();
    private final Map<String, Path> artifacts = new LinkedHashMap<>();
    /** The HTTP error the main frame's last navigation answered, if any: set by Playwright's event thread. */
    private final AtomicReference<String> httpError = new AtomicReference<>();
    private final AtomicBoolean crashed = new AtomicBoolean();
    private Browser chromium;
    private BrowserContext browserContext;
    private String current;
    private String expectation;
    private Instant startedAt;
    private long start;
    private long deadline;

    BrowserAttempt(Journey journey, RunContext context, BrowserSettings settings, Clock clock) {
        this.journey = journey;
        this.context = context;
        this.settings = settings;
        this.clock = clock;
        this.resolver = new Resolver(context.secrets(), System::getenv);
        this.startedAt = clock.instant();
        this.start = System.nanoTime();
    }

    /** A fresh context on {@code chromium} with the region header and base URL, traced when the run's evidence says so. */
    Page open(Browser chromium) {
        this.chromium = chromium;
        deadline = System.nanoTime() + journey.timeout().toNanos();
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setExtraHTTPHeaders(Map.of(Conventions.REGION_HEADER, context.region()))
                .setUserAgent(userAgent(chromium, context.region()));
        Optional<String> baseUrl = context.baseUrl().or(() -> journey.baseUrl().map(url -> resolver.render(url, Map.of())));
        baseUrl.ifPresent(options::setBaseURL);
        browserContext = chromium.newContext(options);
        if (context.evidence() == Evidence.TRACE) {
            browserContext.tracing().start(new Tracing.StartOptions().setSnapshots(true).setScreenshots(false).setSources(false));
        }
        Page page = browserContext.newPage();
        page.onResponse(response -> {
            if (response.status() >= 400 && response.request().isNavigationRequest() && response.frame() == page.mainFrame()) {
                httpError.set("the page answered HTTP " + response.status() + " (" + response.request().method() + " "
                        + response.url() + ")");
            }
        });
        page.onCrash(crashedPage -> crashed.set(true));
        // The journey's time starts at its first step: launching Chromium, a fresh context and the
        // trace are the agent's cost (seconds on a loaded host), not the site's.
        startedAt = clock.instant();
        start = System.nanoTime();
        return page;
    }

    /** Performs the journey on {@code page}: its Java class, or its YAML steps one by one. */
    void perform(Page page) throws Exception {
        if (journey.javaClass().isPresent()) {
            JavaSteps javaSteps = new JavaSteps(steps, this::judge);
            try {
                instantiate(journey.javaClass().get()).run(page, javaSteps);
            } finally {
                current = javaSteps.current();
            }
        } else {
            BrowserSteps performer = new BrowserSteps(page, resolver, context.secrets(), new ArrayList<>());
            for (Step step : journey.steps()) {
                perform(performer, step);
            }
        }
        current = null;
        expectation = null;
    }

    private void perform(BrowserSteps performer, Step step) {
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
            steps.add(new StepResult(step.name(), millisSince(stepStart), Failures.classify(judge(e))));
            // An error page explains a step that then could not find its element better than the missing element does.
            if (httpError.get() != null && !(e instanceof HttpFailure)) {
                throw new HttpFailure(httpError.get());
            }
            throw e;
        }
        steps.add(new StepResult(step.name(), millisSince(stepStart), OutcomeStatus.SUCCESS));
    }

    /** Every step held: a success, with the trace when one was recorded. */
    RunResult passed() throws IOException {
        long durationMs = millisSince(start);
        if (context.evidence() == Evidence.TRACE) {
            artifacts.put("trace", stopTrace());
        }
        return new RunResult(startedAt, durationMs, OutcomeStatus.SUCCESS, steps,
                Optional.empty(), Optional.empty(), Optional.empty(), artifacts);
    }

    /** The attempt ended with {@code error}: a failure (with its screenshot, and its trace when one was recorded) or a prober error. */
    RunResult ended(Throwable error) {
        long durationMs = millisSince(start);
        Throwable judged = judge(error);
        OutcomeStatus status = Failures.classify(judged);
        String message = Failures.oneLine(judged, context.secrets());
        if (status == OutcomeStatus.PROBER_ERROR) {
            LOG.warn("journey {}: prober error: {}", journey.id(), message);
        }
        if (browserContext != null && context.evidence() != Evidence.NONE && status == OutcomeStatus.FAILURE) {
            capture();
        }
        return new RunResult(startedAt, durationMs, status, steps, Optional.ofNullable(current),
                Optional.ofNullable(expectation), Optional.of(message), artifacts);
    }

    /** The error as it is to be classified, given what is known now of the browser and the page. */
    private Throwable judge(Throwable error) {
        return BrowserFaults.judge(error, chromium == null || chromium.isConnected(), crashed.get());
    }

    /** A failure screenshot (secret fields masked) and the redacted trace if one was recorded, for the failing run. */
    private void capture() {
        try {
            Files.createDirectories(context.artifactDir());
            if (!browserContext.pages().isEmpty()) {
                Page page = browserContext.pages().get(0);
                Path screenshot = context.artifactDir().resolve(name("screenshot.png"));
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true).setTimeout(10_000)
                        .setMask(secretLocators(page)));
                artifacts.put("screenshot", screenshot);
            }
            if (context.evidence() == Evidence.TRACE) {
                artifacts.put("trace", stopTrace());
            }
        } catch (IOException | PlaywrightException e) {
            LOG.warn("journey {}: could not save failure artifacts: {}", journey.id(), Failures.oneLine(e, context.secrets()));
        }
    }

    /** Every input whose text is hidden by the secret style set before a secret was typed into it. */
    private static List<Locator> secretLocators(Page page) {
        return List.of(page.locator("input[style*='text-security'], textarea[style*='text-security']"));
    }

    private Path stopTrace() throws IOException {
        Files.createDirectories(context.artifactDir());
        Path trace = context.artifactDir().resolve(name("trace.zip"));
        browserContext.tracing().stop(new Tracing.StopOptions().setPath(trace));
        TraceRedactor.redact(trace, context.secrets());
        return trace;
    }

    private String name(String suffix) {
        return journey.id() + "-" + startedAt.toString().replace(":", "").replace(".", "") + "-" + suffix;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
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
            throw new ProberFault("journey class " + className + " is not on the agent's classpath: give its jar with --classpath JAR");
        }
        if (!BrowserJourney.class.isAssignableFrom(type)) {
            throw new ClassCastException(className + " does not implement " + BrowserJourney.class.getName());
        }
        return (BrowserJourney) type.getDeclaredConstructor().newInstance();
    }

    @Override
    public void close() {
        if (browserContext != null) {
            try {
                browserContext.close();
            } catch (PlaywrightException e) {
                LOG.debug("closing a browser context failed", e);
            }
        }
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
