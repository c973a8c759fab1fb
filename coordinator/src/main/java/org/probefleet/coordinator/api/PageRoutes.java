package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.service.JourneyStatus;
import org.probefleet.coordinator.service.Ledgers;
import org.probefleet.coordinator.slo.Divergence;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.coordinator.web.JourneysPage;
import org.probefleet.coordinator.web.OverviewPage;
import org.probefleet.coordinator.web.SloPage;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's pages, rendered on a worker thread: the overview at {@code /}, one SLO at
 * {@code /slos/{name}} and the journeys at {@code /journeys}, whose data is also JSON at
 * {@code /api/v1/journeys/status}.
 */
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
            if (access.page(ctx)) {
                render(ctx, this::overview);
            }
        });
        router.get("/journeys").handler(ctx -> {
            if (access.page(ctx)) {
                render(ctx, this::journeys);
            }
        });
        router.get("/api/v1/journeys/status").handler(ctx -> {
            if (access.read(ctx)) {
                vertx.executeBlocking(this::journeyStatus).onComplete(done -> {
                    if (done.failed()) {
                        LOG.error("cannot read the journeys' status", done.cause());
                        Http.error(ctx, 503, "the store is unavailable");
                    } else {
                        Http.json(ctx, 200, done.result());
                    }
                });
            }
        });
        router.get("/slos/:name").handler(ctx -> {
            if (!access.page(ctx)) {
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
        return JourneysPage.render(journeyRows(now), now, services.config().evaluationInterval());
    }

    /** The journeys page's rows as JSON: schedule, last run per region, the day's flakiness. */
    private ObjectNode journeyStatus() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode journeys = body.putArray("journeys");
        for (JourneyStatus.Row row : journeyRows(services.clock().instant())) {
            Journey journey = row.journey();
            ObjectNode one = journeys.addObject().put("journey", journey.id()).put("kind", journey.kind().name().toLowerCase(Locale.ROOT))
                    .put("mode", journey.mode().name().toLowerCase(Locale.ROOT)).put("schedule", journey.schedule().describe());
            ObjectNode regions = one.putObject("last_run");
            row.lastRuns().forEach((region, outcome) -> regions.set(region, outcome.<JsonNode>map(o -> JsonNodeFactory.instance.objectNode()
                    .put("runId", o.runId().toString()).put("status", o.status().wireName()).put("startedAt", o.startedAt().toString())
                    .put("durationMs", o.durationMs())).orElse(NullNode.getInstance())));
            one.put("successes_24h", row.successes()).put("retried_successes_24h", row.retriedSuccesses());
        }
        return body;
    }

    private List<JourneyStatus.Row> journeyRows(Instant now) {
        TreeSet<String> fleetRegions = new TreeSet<>();
        services.agents().all().forEach(beat -> fleetRegions.add(beat.region()));
        services.config().agents().forEach(agent -> fleetRegions.add(agent.region()));
        return JourneyStatus.read(services.definitions().get().loaded().definitions().journeys(), fleetRegions, services.store(), now);
    }

    private String slo(SloSnapshot snapshot) {
        List<Outcome> inWindow = snapshot.slo().indicator().measuredJourney().map(journey -> services.store().list(new OutcomeStore.Query(
                Optional.of(journey), Optional.empty(), Optional.of(OutcomeStatus.FAILURE), Optional.of(snapshot.at().minus(snapshot.slo().window())),
                Optional.empty(), FAILURES_COUNTED))).orElse(List.of());
        return SloPage.render(new SloPage.Data(snapshot, inWindow.stream().limit(LATEST_FAILURES).toList(), inWindow,
                services.slos().series(snapshot.slo().name()), services.gates().active(snapshot.slo().name()),
                services.deploys().impacts(snapshot.slo(), snapshot.at()), new Ledgers(services.store(), services.deploys()).ledger(snapshot),
                sideBySide(snapshot)),
                services.config().evaluationInterval());
    }

    /** A journey SLO with a rum SLO of the same journey (either page): the two completions, synthetic first. */
    private Optional<Divergence> sideBySide(SloSnapshot shown) {
        Collection<SloSnapshot> all = services.slos().snapshots().values();
        if (shown.slo().indicator() instanceof RumIndicator rum) {
            return all.stream().filter(other -> other.slo().indicator().measuredJourney().filter(rum.journey()::equals).isPresent())
                    .findFirst().map(synthetic -> Divergence.of(synthetic, shown));
        }
        return shown.slo().indicator().measuredJourney().flatMap(journey -> all.stream()
                .filter(other -> other.slo().indicator() instanceof RumIndicator rum && rum.journey().equals(journey))
                .findFirst().map(realUsers -> Divergence.of(shown, realUsers)));
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
