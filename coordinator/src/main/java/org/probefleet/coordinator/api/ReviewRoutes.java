package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.probefleet.coordinator.report.Quarter;
import org.probefleet.coordinator.report.ReviewWriter;
import org.probefleet.coordinator.report.StoredReview;
import org.probefleet.journeys.model.Definitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /api/v1/report?quarter=2026Q4}: the quarterly SLO review over the stored outcomes and counts, as Markdown and HTML. */
final class ReviewRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewRoutes.class);

    private final Vertx vertx;
    private final Services services;
    private final Access access;

    ReviewRoutes(Vertx vertx, Services services, Access access) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
    }

    void mount(Router router) {
        router.get("/api/v1/report").handler(this::report);
    }

    private void report(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        String asked = Optional.ofNullable(ctx.request().getParam("quarter")).orElse(Quarter.of(services.clock().instant()).toString());
        Optional<Quarter> quarter = Quarter.parse(asked);
        if (quarter.isEmpty()) {
            Http.error(ctx, 400, "quarter '" + asked + "' must look like 2026Q4");
            return;
        }
        Definitions definitions = services.definitions().get().loaded().definitions();
        vertx.executeBlocking(() -> StoredReview.of(services.store(), definitions, quarter.get(), services.clock().instant())).onComplete(done -> {
            if (done.failed()) {
                LOG.error("the review of {} failed", quarter.get(), done.cause());
                Http.error(ctx, 500, "the review could not be made; see the coordinator log");
                return;
            }
            Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("quarter", quarter.get().toString())
                    .put("markdown", ReviewWriter.markdown(done.result())).put("html", ReviewWriter.html(done.result())));
        });
    }
}
