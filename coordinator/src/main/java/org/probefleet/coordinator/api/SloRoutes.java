package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.view.EngineJson;
import org.probefleet.journeys.model.Durations;

/** The engine's latest results: every SLO, and one SLO with its regions. */
final class SloRoutes {

    private final Services services;
    private final Access access;

    SloRoutes(Services services, Access access) {
        this.services = services;
        this.access = access;
    }

    void mount(Router router) {
        router.get("/api/v1/slos").handler(ctx -> {
            if (access.read(ctx)) {
                ArrayNode slos = JsonNodeFactory.instance.arrayNode();
                services.slos().snapshots().values().forEach(snapshot -> slos.add(slo(snapshot)));
                Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().set("slos", slos));
            }
        });
        router.get("/api/v1/slos/:name").handler(ctx -> withSnapshot(ctx, snapshot -> Http.json(ctx, 200, slo(snapshot))));
    }

    void withSnapshot(RoutingContext ctx, java.util.function.Consumer<SloSnapshot> respond) {
        if (!access.read(ctx)) {
            return;
        }
        String name = ctx.pathParam("name");
        SloSnapshot snapshot = services.slos().snapshots().get(name);
        if (snapshot != null) {
            respond.accept(snapshot);
        } else if (services.definitions().get().loaded().definitions().slo(name).isPresent()) {
            Http.error(ctx, 503, "SLO '" + name + "' has not been evaluated yet; retry in a few seconds");
        } else {
            Http.error(ctx, 404, "no SLO named '" + name + "'; GET /api/v1/slos lists them");
        }
    }

    static ObjectNode slo(SloSnapshot snapshot) {
        ObjectNode json = EngineJson.scope(snapshot.slo().name(), snapshot.global());
        json.remove("region");
        json.put("at", snapshot.at().toString()).put("description", snapshot.slo().description())
                .put("owner", snapshot.slo().owner()).put("journey", snapshot.slo().indicator().measuredJourney().orElse(null))
                .put("indicator", snapshot.slo().indicator().type())
                .put("target", snapshot.slo().target()).put("window", Durations.format(snapshot.slo().window()))
                .put("policy", snapshot.slo().policy());
        ArrayNode criticalPaths = json.putArray("critical_paths");
        snapshot.slo().criticalPaths().forEach(glob -> criticalPaths.add(glob.pattern()));
        ArrayNode regions = json.putArray("regions");
        snapshot.regions().forEach(region -> {
            ObjectNode one = EngineJson.scope(snapshot.slo().name(), region);
            one.remove("slo");
            one.put("no_data", region.noData());
            regions.add(one);
        });
        ArrayNode firing = json.putArray("firing");
        snapshot.firing().stream().sorted(java.util.Comparator.comparing(Alert::key)).forEach(alert -> firing.addObject()
                .put("alert", alert.kind().wireName()).put("severity", alert.severity().wireName()).put("region", alert.scope()));
        return json;
    }
}
