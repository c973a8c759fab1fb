package org.probefleet.coordinator.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.coordinator.web.JourneysPage;
import org.probefleet.coordinator.web.OverviewPage;
import org.probefleet.coordinator.web.SloPage;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.outcome.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard's pages: the overview at {@code /}, one SLO at {@code /slos/{name}} and the journeys, rendered on a worker thread. */
final class PageRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PageRoutes.class);
    /** Failures listed on an SLO's page. */
    static final int LATEST_FAILURES = 20;
    /** Failures read to say which steps burned the budget over the SLO window (and successes read for flakiness). */
    static final int FAILURES_COUNTED = 10_000;

    private final Vertx vertx;
    private final Services services;
    private final Access access;

    PageRoutes(Vertx vertx, Services services, Access access) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
    }

    void mount(Router router) {
        router.get("/").handler(ctx -> {
            if (access.read(ctx)) {
                render(ctx, this::overview);
            }
        });
        router.get("/journeys").handler(ctx -> {
            if (access.read(ctx)) {
                render(ctx, this::journeys);
            }
        });
        router.get("/slos/:name").handler(ctx -> {
            if (!access.read(ctx)) {
                return;
            }
            SloSnapshot snapshot = services.slos().snapshots().get(ctx.pathParam("name"));
            if (snapshot == null) {
                Http.error(ctx, 404, "no evaluated SLO named '" + ctx.pathParam("name") + "'; the overview at / lists them");
                return;
            }
            render(ctx, () -> slo(snapshot));
        });
    }

    private String overview() {
        var snapshots = services.slos().snapshots().values();
        Map<String, GateOverrides.Override> overrides = new HashMap<>();
        snapshots.forEach(snapshot -> services.gates().active(snapshot.slo().name()).ifPresent(o -> overrides.put(o.slo(), o)));
        return OverviewPage.render(snapshots, services.agents(), overrides, services.gates().audit(), services.config().evaluationInterval());
    }

    private String journeys() {
        Instant now = services.clock().instant();
        List<JourneysPage.Row> rows = new ArrayList<>();
        for (Journey journey : services.definitions().get().loaded().definitions().journeys()) {
            Map<String, Optional<Outcome>> lastRuns = new TreeMap<>();
            TreeSet<String> regions = new TreeSet<>(journey.regions());
            services.agents().all().forEach(beat -> {
                if (journey.runsIn(beat.region())) {
                    regions.add(beat.region());
                }
            });
            services.config().agents().forEach(agent -> {
                if (journey.runsIn(agent.region())) {
                    regions.add(agent.region());
                }
            });
            for (String region : regions) {
                lastRuns.put(region, services.store().list(new OutcomeStore.Query(Optional.of(journey.id()), Optional.of(region),
                        Optional.empty(), Optional.empty(), Optional.empty(), 1)).stream().findFirst());
            }
            List<Outcome> successes = services.store().list(new OutcomeStore.Query(Optional.of(journey.id()), Optional.empty(),
                    Optional.of("success"), Optional.of(now.minus(Duration.ofDays(1))), Optional.empty(), FAILURES_COUNTED));
            rows.add(new JourneysPage.Row(journey, lastRuns, successes.size(), successes.stream().filter(o -> o.attempts() > 1).count()));
        }
        return JourneysPage.render(rows, now, services.config().evaluationInterval());
    }

    private String slo(SloSnapshot snapshot) {
        List<Outcome> inWindow = services.store().list(new OutcomeStore.Query(Optional.of(snapshot.slo().indicator().journey()),
                Optional.empty(), Optional.of("failure"), Optional.of(snapshot.at().minus(snapshot.slo().window())), Optional.empty(),
                FAILURES_COUNTED));
        return SloPage.render(new SloPage.Data(snapshot, inWindow.stream().limit(LATEST_FAILURES).toList(), inWindow,
                services.slos().series(snapshot.slo().name()), services.gates().active(snapshot.slo().name())),
                services.config().evaluationInterval());
    }

    private void render(RoutingContext ctx, Callable<String> render) {
        vertx.executeBlocking(render).onComplete(done -> {
            if (done.failed()) {
                LOG.error("cannot render {}", ctx.normalizedPath(), done.cause());
                Http.error(ctx, 500, "the page could not be made; see the coordinator log");
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(done.result());
        });
    }
}
