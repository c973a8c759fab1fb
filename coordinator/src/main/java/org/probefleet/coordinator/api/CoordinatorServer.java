package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.probefleet.coordinator.alerting.AlertDispatcher;
import org.probefleet.coordinator.alerting.AlertState;
import org.probefleet.coordinator.alerting.FleetHealth;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.coordinator.config.PrometheusConfig;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.fleet.Confirmations;
import org.probefleet.coordinator.group.Membership;
import org.probefleet.coordinator.ingest.BatchValidator;
import org.probefleet.coordinator.ingest.Tokens;
import org.probefleet.coordinator.prometheus.PrometheusQueries;
import org.probefleet.coordinator.prometheus.RatioPoller;
import org.probefleet.coordinator.rum.RumTallies;
import org.probefleet.coordinator.metrics.CoordinatorMetrics;
import org.probefleet.coordinator.service.DefinitionSet;
import org.probefleet.coordinator.service.DeployHistory;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.coordinator.store.SettingsJson;
import org.probefleet.coordinator.web.OverviewPage;
import org.probefleet.coordinator.web.SloPage;
import org.probefleet.wire.api.ApiPaths;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Slo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator: opens the store, loads definitions, rebuilds the SLO engine from stored
 * outcomes, then serves the API and evaluates every SLO on its interval.
 */
public final class CoordinatorServer {

    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorServer.class);
    /** Outcomes must be at most this much older than the longest SLO window to be ingested. */
    static final Duration INGEST_GRACE = Duration.ofDays(1);
    /** How often the ratio poller looks for a minute that became due: a few seconds late at most. */
    static final Duration RATIO_CHECK = Duration.ofSeconds(5);
    /** How often real users' beacons counted in memory are written to the tallies: the engine sees them this late at most. */
    static final Duration RUM_FLUSH = Duration.ofSeconds(5);
    /** How soon after a failed confirmation run is stored the SLOs are evaluated: its region's companions arrive in the meantime. */
    static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final Services services;
    private final List<Long> timers = new ArrayList<>();
    private HttpServer server;
    private final EvaluationStep evaluation;
    private final AtomicBoolean evaluationDue = new AtomicBoolean();

    private CoordinatorServer(Vertx vertx, Services services) {
        this.vertx = vertx;
        this.services = services;
        this.evaluation = new EvaluationStep(services);
    }

    /** Thrown when the definitions the coordinator would start with have problems. */
    public static final class DefinitionProblems extends RuntimeException {
        private final List<String> problems;

        DefinitionProblems(List<String> problems) {
            super("the definitions have " + problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static Future<CoordinatorServer> start(Vertx vertx, CoordinatorConfig config, Clock clock) {
        return vertx.executeBlocking(() -> prepare(config, clock)).compose(services -> {
            CoordinatorServer coordinator = new CoordinatorServer(vertx, services);
            return coordinator.listen().map(coordinator);
        });
    }

    private static Services prepare(CoordinatorConfig config, Clock clock) {
        JdbcOutcomeStore store = JdbcOutcomeStore.open(config.store(), clock);
        try {
            DefinitionSet definitions = initialDefinitions(config, store);
            SloService slos = new SloService(clock);
            slos.addFleetRegions(config.agents().stream().map(CoordinatorConfig.Agent::region).toList());
            slos.load(definitions.loaded().definitions(), store);
            Optional<AlertState> saved = AlertDispatcher.saved(store);
            saved.ifPresent(state -> slos.restore(state.engine()));
            List<FleetHealth.Expected> expected = config.agents().stream()
                    .map(agent -> new FleetHealth.Expected(agent.name(), agent.region())).toList();
            CoordinatorMetrics metrics = new CoordinatorMetrics(expected);
            metrics.journeys(definitions.loaded().definitions().journeys());
            AgentRegistry agents = new AgentRegistry(clock, config.heartbeatTimeout());
            GateOverrides gates = new GateOverrides(store, clock);
            Membership group = Membership.of(store, config.evaluationInterval(), slos, agents, gates);
            AlertDispatcher alerts = new AlertDispatcher(config.alerting(), store, clock, expected, saved, group.leadership(),
                    metrics::notification);
            return new Services(config, clock, store, slos, agents, metrics, new Tokens(config), new AtomicReference<>(definitions),
                    alerts, gates, new DeployHistory(store), new Confirmations(clock), group);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The last pushed definitions if there are any, otherwise the configured folder. */
    private static DefinitionSet initialDefinitions(CoordinatorConfig config, OutcomeStore store) {
        var pushed = store.setting(FleetRoutes.DEFINITIONS_SETTING);
        if (pushed.isPresent()) {
            try {
                JsonNode json = SettingsJson.read(pushed.get());
                List<String> problems = new ArrayList<>();
                DefinitionSet set = DefinitionSet.of(DefinitionSet.filesFrom(json, problems));
                if (problems.isEmpty() && set.loaded().ok()) {
                    LOG.info("using the definitions pushed last ({}), not {}", set.version(), config.definitions());
                    return set;
                }
            } catch (java.io.IOException e) {
                LOG.warn("stored definitions are unreadable; loading {} instead", config.definitions(), e);
            }
        }
        if (!java.nio.file.Files.isDirectory(config.definitions())) {
            throw new DefinitionProblems(List.of(config.definitions() + ": not a folder; set definitions: in the config or --definitions"));
        }
        DefinitionSet set = DefinitionSet.fromFolder(config.definitions());
        if (!set.loaded().ok()) {
            throw new DefinitionProblems(set.loaded().problems().stream()
                    .map(problem -> problem.under(config.definitions()).toString())
                    .toList());
        }
        return set;
    }

    private Future<Void> listen() {
        CoordinatorConfig config = services.config();
        Router router = Router.router(vertx);
        Sessions sessions = new Sessions(services.clock());
        Access access = new Access(services.tokens(), sessions);
        new LoginRoutes(access, sessions, config.tls().isPresent()).mount(router);
        Duration longest = services.definitions().get().loaded().definitions().slos().stream().map(Slo::window)
                .max(Duration::compareTo).orElse(Slo.DEFAULT_WINDOW);
        new OutcomeRoutes(vertx, services, access, new BatchValidator(longest.plus(INGEST_GRACE)), this::evaluateSoon).mount(router);
        new FleetRoutes(vertx, services, access).mount(router);
        SloRoutes sloRoutes = new SloRoutes(services, access);
        sloRoutes.mount(router);
        new GateRoutes(vertx, services, access, sloRoutes).mount(router);
        new DeployRoutes(vertx, services, access, sloRoutes).mount(router);
        new ReviewRoutes(vertx, services, access).mount(router);
        ArtifactRoutes artifacts = new ArtifactRoutes(vertx, services, access);
        artifacts.mount(router);
        new PageRoutes(vertx, services, access).mount(router);
        new RumRoutes(config.rum(), services.clock(), countBeacons(), System::nanoTime).mount(router);
        router.get("/healthz").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("ok\n"));
        router.get(ApiPaths.GROUP).handler(ctx -> {
            if (access.read(ctx)) {
                Http.json(ctx, 200, services.group().describe());
            }
        });
        router.get("/readyz").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end("ready\n"));
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8").end(services.metrics().scrape()));
        router.route().last().handler(ctx -> Http.error(ctx, 404, "no such endpoint: " + ctx.request().method() + " " + ctx.normalizedPath()));
        router.route().failureHandler(CoordinatorServer::failed);
        HttpServerOptions options = ConnectionGuard.options().setCompressionSupported(true);
        config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.cert().toString()).setKeyPath(tls.key().toString())));
        ConnectionGuard guard = new ConnectionGuard(ConnectionGuard.Limits.DEFAULT, System::nanoTime);
        HttpServer created = vertx.createHttpServer(options);
        timers.add(guard.attach(vertx, created));
        return created.requestHandler(guard.guard(router)).listen(config.port(), config.bind()).map(listening -> {
            server = listening;
            String host = config.bind().equals("0.0.0.0") || config.bind().equals("::") ? "localhost" : config.bind();
            services.alerts().start(URI.create((config.tls().isPresent() ? "https" : "http") + "://" + host + ":" + listening.actualPort()));
            evaluate();
            timers.add(vertx.setPeriodic(config.evaluationInterval().toMillis(), id -> evaluate()));
            timers.add(vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> deleteExpired(longest, artifacts.files())));
            readRatios();
            return null;
        });
    }

    /** Reads the SLOs over Prometheus ratios every few seconds, so each minute is read soon after it is due. */
    private void readRatios() {
        Supplier<List<Slo>> slos = () -> services.definitions().get().loaded().definitions().slos();
        Optional<URI> url = services.config().prometheus().url();
        if (url.isEmpty()) {
            slos.get().stream().filter(slo -> slo.indicator() instanceof RatioIndicator).forEach(slo ->
                    LOG.warn("{} is a ratio of Prometheus queries, but no prometheus url is configured: it gets no data", slo.name()));
            return;
        }
        PrometheusConfig prometheus = services.config().prometheus();
        RatioPoller poller = new RatioPoller(PrometheusQueries.http(url.get(), prometheus.timeout()), services.store(), slos,
                services.clock(), prometheus.delay());
        timers.add(vertx.setPeriodic(RATIO_CHECK.toMillis(), id -> vertx.executeBlocking(poller::pollDue, true)
                .onFailure(e -> LOG.error("reading the Prometheus ratios failed", e))));
    }

    /** Real users' beacons, summed in memory and written to the tallies every few seconds in one write. */
    private RumTallies countBeacons() {
        Supplier<List<Slo>> slos = () -> services.definitions().get().loaded().definitions().slos();
        if (services.config().rum().sites().isEmpty()) {
            slos.get().stream().filter(slo -> slo.indicator() instanceof RumIndicator).forEach(slo ->
                    LOG.warn("{} counts real users' beacons, but no rum sites are configured: it gets no data", slo.name()));
        }
        RumTallies tallies = new RumTallies(slos);
        timers.add(vertx.setPeriodic(RUM_FLUSH.toMillis(), id -> vertx.executeBlocking(() -> {
            List<org.probefleet.coordinator.store.Tally> drained = tallies.drain();
            if (!drained.isEmpty()) {
                services.store().addTallies(drained).join();
            }
            return drained.size();
        }, true).onFailure(e -> LOG.error("writing real users' beacon counts failed", e))));
        return tallies;
    }

    private void deleteExpired(Duration longestWindow, ArtifactFiles artifacts) {
        vertx.executeBlocking(() -> {
            java.time.Instant cutoff = services.clock().instant().minus(retention(longestWindow));
            int deleted = services.store().deleteBefore(cutoff);
            int files = artifacts.deleteBefore(cutoff);
            if (deleted > 0 || files > 0) {
                LOG.info("retention: deleted {} outcomes and {} artifacts older than {}", deleted, files, retention(longestWindow));
            }
            return deleted;
        });
    }

    /**
     * Every failure answers JSON with a message. Client mistakes (a body over the route's limit,
     * malformed input) are not logged; our own errors are, with the route but never the body.
     */
    private static void failed(io.vertx.ext.web.RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        if (status == 413) {
            Http.error(ctx, 413, "the body is larger than this endpoint takes");
        } else if (status < 500) {
            Http.error(ctx, status, "the request could not be read: " + (status == 400 ? "malformed" : "refused"));
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
            Http.error(ctx, 500, "internal error; it is logged on the coordinator");
        }
    }

    private Duration retention(Duration longestWindow) {
        Duration minimum = longestWindow.plus(INGEST_GRACE);
        return services.config().retention().compareTo(minimum) >= 0 ? services.config().retention() : minimum;
    }

    /**
     * A confirmation run failed: evaluate within {@link #AFTER_FAILURE} rather than at the next interval, so
     * an outage it has just confirmed pages at once. Only confirmations, since they come at most once per
     * journey and interval: a fleet's steady trickle of failed scheduled runs must not evaluate every second.
     */
    private void evaluateSoon() {
        if (evaluationDue.compareAndSet(false, true)) {
            vertx.setTimer(AFTER_FAILURE.toMillis(), id -> {
                evaluationDue.set(false);
                evaluate();
            });
        }
    }

    /** Evaluates every SLO and publishes the results to metrics and alerting; what the timer does, for a test to wait on. */
    Future<Void> evaluate() {
        return vertx.<Void>executeBlocking(() -> {
            evaluation.run();
            return null;
        }, false).onFailure(e -> LOG.error("SLO evaluation failed", e));
    }

    public int port() {
        return server.actualPort();
    }

    public SloService slos() {
        return services.slos();
    }

    public DefinitionSet definitions() {
        return services.definitions().get();
    }

    /** Stops serving, gives up the lead of a group, lets the store finish the batches it holds, and closes it. */
    public Future<Void> close() {
        try {
            services.group().leadership().release();
        } catch (RuntimeException e) {
            LOG.warn("cannot give up the lead; another member takes over once the lease runs out", e);
        }
        return abandon();
    }

    /**
     * Stops without giving up the lead, as a killed coordinator would: the other members of a
     * group wait for the lease to run out. What failover tests stop a leader with.
     */
    public Future<Void> abandon() {
        timers.forEach(vertx::cancelTimer);
        services.alerts().close();
        Future<Void> closing = server == null ? Future.succeededFuture() : server.close();
        return closing.eventually(() -> vertx.executeBlocking(() -> {
            services.store().close();
            return null;
        }));
    }
}
