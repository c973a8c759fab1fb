package org.probefleet.prober.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.wire.api.HeartbeatAnswer;
import org.probefleet.wire.client.Backoff;
import org.probefleet.prober.browser.BrowserRunner;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.report.Reporter;
import org.probefleet.prober.run.Resolver;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.DueRun;
import org.probefleet.prober.schedule.JourneyScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prober agent: runs its region's journeys (from a folder, or as the coordinator assigns them),
 * records every outcome in its outbox, delivers them, heartbeats, checks itself every minute,
 * and serves {@code /metrics} and {@code /healthz}.
 */
public final class ProberAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProberAgent.class);
    /** An outbox holds at most this much before it drops its oldest outcomes. */
    public static final long OUTBOX_BYTES = 512L * 1024 * 1024;
    static final Duration SELF_CHECK_EVERY = Duration.ofMinutes(1);
    static final Duration FLUSH_ON_STOP = Duration.ofSeconds(10);

    /** Everything an agent is started with; {@code coordinators} are the members of a group, tried in order, or just one. */
    public record Settings(String region, Optional<String> agent, List<URI> coordinators, String token, Optional<Path> definitions,
                           Path dataDir, String bind, int metricsPort, int browserSlots, int httpSlots,
                           BrowserSettings browser, Secrets secrets, Duration pollInterval, Backoff backoff) {

        public Settings {
            coordinators = List.copyOf(coordinators);
        }

        /** An agent of a single coordinator. */
        public Settings(String region, Optional<String> agent, URI coordinator, String token, Optional<Path> definitions,
                        Path dataDir, String bind, int metricsPort, int browserSlots, int httpSlots,
                        BrowserSettings browser, Secrets secrets, Duration pollInterval, Backoff backoff) {
            this(region, agent, List.of(coordinator), token, definitions, dataDir, bind, metricsPort, browserSlots, httpSlots, browser,
                    secrets, pollInterval, backoff);
        }
    }

    private final Settings settings;
    private final CoordinatorLink link;
    private final String name;
    private final Outbox outbox;
    private final Reporter reporter;
    private final SelfCheck selfCheck;
    private final RunExecutor executor;
    private final JourneyScheduler scheduler;
    private final AgentMetrics metrics;
    private final HttpServer http;
    private final ScheduledExecutorService background = daemon("agent-coordinator");
    /** One thread: the self-check's browser belongs to it. */
    private final ScheduledExecutorService selfChecks = daemon("agent-self-check");
    private final AtomicReference<List<Journey>> journeys = new AtomicReference<>(List.of());
    private final Clock clock;
    private BrowserRunner selfCheckBrowser;

    private ProberAgent(Settings settings, Clock clock, CoordinatorLink link, String name) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.link = link;
        this.name = name;
        Path artifacts = settings.dataDir().resolve("artifacts");
        this.outbox = new Outbox(settings.dataDir().resolve("outbox"), OUTBOX_BYTES);
        this.reporter = new Reporter(outbox, settings.coordinators(), settings.token(), artifacts, settings.backoff()).start();
        this.selfCheck = new SelfCheck(this::targets, this::selfCheckBrowser);
        this.scheduler = new JourneyScheduler(settings.browserSlots(), settings.httpSlots(), settings.region(), this::runJourney, clock);
        this.metrics = new AgentMetrics(outbox::pending, scheduler::missed);
        this.executor = new RunExecutor(settings.region(), name, settings.secrets(), artifacts, outbox, metrics, selfCheck::ok,
                settings.browser(), clock);
        this.http = HttpServer.create(new InetSocketAddress(settings.bind(), settings.metricsPort()), 0);
        http.createContext("/metrics", exchange -> reply(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        http.createContext("/healthz", exchange -> reply(exchange, selfCheck.ok() ? 200 : 503, "text/plain",
                selfCheck.problem().map(problem -> "self-check failing: " + problem + "\n").orElse("ok\n")));
        http.start();
    }

    /** The scheduler is made before the executor (the metrics read its skipped runs), so it calls the executor through here. */
    private void runJourney(DueRun due, java.time.Instant started) {
        executor.run(due, started);
    }

    /**
     * Starts an agent. Without {@code --agent}, it asks the coordinator who its token belongs to,
     * waiting until the coordinator answers.
     */
    public static ProberAgent start(Settings settings, Clock clock) throws IOException, InterruptedException {
        CoordinatorLink link = new CoordinatorLink(settings.coordinators(), settings.token());
        String name = settings.agent().isPresent() ? settings.agent().get() : identify(settings, link);
        ProberAgent agent = new ProberAgent(settings, clock, link, name);
        agent.begin();
        return agent;
    }

    /** Asks the coordinator whose token this is, retrying with the settings' backoff until it answers. */
    private static String identify(Settings settings, CoordinatorLink link) throws InterruptedException {
        for (int failures = 1; ; failures++) {
            try {
                var identity = link.heartbeat(CoordinatorLink.Status.starting(settings.browserSlots()));
                if (!identity.region().equals(settings.region())) {
                    throw new IllegalArgumentException("the token belongs to agent " + identity.agent() + " in region "
                            + identity.region() + ", not " + settings.region() + ": use that agent's token or --region " + identity.region());
                }
                return identity.agent();
            } catch (IOException e) {
                Duration delay = settings.backoff().delay(failures, ThreadLocalRandom.current());
                LOG.warn("waiting for the coordinator at {}: {} (next try in {} ms)", settings.coordinators(), e.getMessage(), delay.toMillis());
                TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            }
        }
    }

    private void begin() {
        if (settings.definitions().isPresent()) {
            LoadResult loaded = DefinitionLoader.loadFolder(settings.definitions().get());
            loaded.problems().forEach(problem -> LOG.error("{}", problem));
            use(loaded.definitions().journeys().stream().filter(journey -> journey.runsIn(settings.region())).toList());
        }
        background.scheduleWithFixedDelay(this::talkToCoordinator, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        // The first check waits a minute: at start the agent's own Chromium launch already proves the browser.
        selfChecks.scheduleWithFixedDelay(selfCheck::run, SELF_CHECK_EVERY.toMillis(), SELF_CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("agent {} in {}: metrics on http://{}:{}/metrics, outbox {}", name, settings.region(), settings.bind(),
                http.getAddress().getPort(), settings.dataDir().resolve("outbox"));
    }

    private void talkToCoordinator() {
        try {
            HeartbeatAnswer answer = link.heartbeat(new CoordinatorLink.Status(settings.browserSlots(), selfCheck.ok(), outbox.pending(),
                    metrics.takeWorstLagMillis(), scheduler.missed()));
            for (String journey : answer.confirm()) {
                LOG.info("journey {}: confirmation run asked for by the coordinator: {}", journey, scheduler.runNow(journey, DueRun.CONFIRMATION));
            }
            if (settings.definitions().isEmpty()) {
                link.assignments(name).ifPresent(this::use);
            }
        } catch (IOException e) {
            LOG.warn("coordinator unreachable ({}); running the last known journeys, outcomes wait in the outbox", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("talking to the coordinator failed", e);
        }
    }

    private void use(List<Journey> assigned) {
        journeys.set(assigned);
        metrics.assigned(assigned.stream().map(Journey::id).toList(), settings.region());
        scheduler.schedule(assigned, clock.instant());
        LOG.info("agent {} runs {} journeys: {}", name, assigned.size(), assigned.stream().map(Journey::id).toList());
    }

    /** The self-check's own browser, created on the self-check thread only when browser journeys run here. */
    private BrowserRunner selfCheckBrowser() {
        boolean needed = journeys.get().stream().anyMatch(journey -> journey.kind() == Kind.BROWSER);
        if (needed && selfCheckBrowser == null) {
            selfCheckBrowser = new BrowserRunner(settings.browser(), clock);
        }
        return needed ? selfCheckBrowser : null;
    }

    private Collection<String> targets() {
        Resolver resolver = new Resolver(settings.secrets(), System::getenv);
        Set<String> urls = new TreeSet<>();
        for (Journey journey : journeys.get()) {
            journey.baseUrl().ifPresent(url -> {
                try {
                    urls.add(resolver.render(url, Map.of()));
                } catch (RuntimeException e) {
                    LOG.debug("journey {}: base URL not resolvable here", journey.id());
                }
            });
        }
        return urls;
    }

    public String name() {
        return name;
    }

    public int metricsPort() {
        return http.getAddress().getPort();
    }

    public List<String> scheduledJourneys() {
        return scheduler.journeys();
    }

    public long pending() {
        return outbox.pending();
    }

    /** Stops cleanly: no new runs, running ones finish, the outbox is flushed as far as the coordinator allows. */
    @Override
    public void close() {
        background.shutdownNow();
        scheduler.close();
        executor.close();
        selfChecks.shutdown();
        try {
            selfChecks.submit(() -> {
                if (selfCheckBrowser != null) {
                    selfCheckBrowser.close();
                }
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("closing the self-check browser failed", e);
        }
        selfChecks.shutdownNow();
        reporter.close();
        try {
            long left = reporter.flush(FLUSH_ON_STOP);
            if (left > 0) {
                LOG.warn("{} outcomes stay in the outbox and are delivered at the next start", left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.close();
        http.stop(0);
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
