package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.PolicyState;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Releases;
import org.probefleet.wire.api.StrictJson;

/**
 * The release gate: the policy's {@code releases:} for the current state, unless an admin set
 * an override (with a reason, a name and an expiry); overrides and their end are in the audit log.
 */
final class GateRoutes {

    /** Overrides are for an emergency, not a standing exception. */
    static final Duration LONGEST_OVERRIDE = Duration.ofDays(7);

    private final Vertx vertx;
    private final Services services;
    private final Access access;
    private final SloRoutes slos;

    GateRoutes(Vertx vertx, Services services, Access access, SloRoutes slos) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
        this.slos = slos;
    }

    void mount(Router router) {
        router.get("/api/v1/slos/:name/gate").handler(ctx -> slos.withSnapshot(ctx, snapshot ->
                vertx.executeBlocking(() -> gate(snapshot, services.gates().active(snapshot.slo().name())))
                        .onSuccess(json -> Http.json(ctx, 200, json)).onFailure(ctx::fail)));
        router.put("/api/v1/slos/:name/gate/override").handler(access::adminFirst).handler(Bodies.json(16 * 1024)).handler(this::override);
        router.delete("/api/v1/slos/:name/gate/override").handler(access::adminFirst).handler(Bodies.json(16 * 1024)).handler(this::clear);
        router.get("/api/v1/audit").handler(ctx -> {
            if (access.read(ctx)) {
                ArrayNode entries = JsonNodeFactory.instance.arrayNode();
                vertx.executeBlocking(() -> services.gates().audit()).onSuccess(audit -> {
                    audit.forEach(entry -> entries.add(GateOverrides.json(entry)));
                    Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().set("entries", entries));
                }).onFailure(ctx::fail);
            }
        });
    }

    /** The policy's decision for the current state, or the override in force. */
    static ObjectNode gate(SloSnapshot snapshot, Optional<GateOverrides.Override> override) {
        PolicyState state = snapshot.global().state();
        String policy = "SLO " + snapshot.slo().name() + " is " + state.name() + " (" + Ratios.percent(Math.max(0, snapshot.global().consumed()))
                + " of the error budget consumed); the policy says releases: " + state.releases().name().toLowerCase(Locale.ROOT);
        boolean allowed = override.map(GateOverrides.Override::allowed).orElse(!state.releases().blocksByDefault());
        String reason = override.map(o -> "overridden by " + o.by() + " until " + o.expires() + " (" + o.reason() + "); " + policy)
                .orElse(policy);
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("slo", snapshot.slo().name()).put("allowed", allowed)
                .put("state", state.name()).put("releases", state.releases().name().toLowerCase(Locale.ROOT)).put("reason", reason);
        ArrayNode requires = json.putArray("requires");
        if (override.isEmpty() && state.releases() != Releases.ALLOWED) {
            state.rules().forEach(requires::add);
        }
        override.ifPresent(o -> json.putObject("override").put("allowed", o.allowed()).put("by", o.by()).put("reason", o.reason())
                .put("at", o.at().toString()).put("expires", o.expires().toString()));
        return json;
    }

    private void override(RoutingContext ctx) {
        if (access.admin(ctx).isEmpty()) {
            return;
        }
        String slo = ctx.pathParam("name");
        if (services.definitions().get().loaded().definitions().slo(slo).isEmpty()) {
            Http.error(ctx, 404, "no SLO named '" + slo + "'; GET /api/v1/slos lists them");
            return;
        }
        Optional<JsonNode> read = body(ctx);
        if (read.isEmpty()) {
            return;
        }
        JsonNode body = read.get();
        List<String> problems = new ArrayList<>();
        if (!body.isObject()) {
            Http.error(ctx, 400, "the override must be a JSON object like {\"allowed\": true, \"reason\": \"hotfix INC-1234\","
                    + " \"by\": \"alice\", \"expires\": \"4h\"}");
            return;
        }
        if (!body.path("allowed").isBoolean()) {
            problems.add("allowed: true (release despite the policy) or false (block despite it)");
        }
        String reason = body.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            problems.add("reason: say why, e.g. \"hotfix for INC-1234\"; it goes in the audit log");
        }
        String by = body.path("by").asText("").strip();
        if (by.isEmpty()) {
            problems.add("by: who sets it, e.g. \"alice\"; it goes in the audit log");
        }
        Instant now = services.clock().instant();
        Optional<Instant> expires = expiry(body.path("expires").asText(""), now);
        if (expires.isEmpty()) {
            problems.add("expires: a time after now like 2026-11-28T18:00:00Z, or a duration like 4h, at most "
                    + Durations.format(LONGEST_OVERRIDE));
        }
        if (!problems.isEmpty()) {
            Http.error(ctx, 400, "the override has " + problems.size() + " problem(s)", problems);
            return;
        }
        vertx.executeBlocking(() -> services.gates().set(slo, body.path("allowed").asBoolean(), reason, by, expires.get()))
                .onSuccess(set -> Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("slo", slo).put("allowed", set.allowed())
                        .put("expires", set.expires().toString()).put("by", set.by()).put("reason", set.reason())))
                .onFailure(ctx::fail);
    }

    private void clear(RoutingContext ctx) {
        if (access.admin(ctx).isEmpty()) {
            return;
        }
        String slo = ctx.pathParam("name");
        Optional<JsonNode> body = body(ctx);
        if (body.isEmpty()) {
            return;
        }
        String by = body.get().path("by").asText("").strip();
        String reason = body.get().path("reason").asText("").strip();
        if (by.isEmpty()) {
            Http.error(ctx, 400, "say who clears the override: {\"by\": \"alice\", \"reason\": \"fix deployed\"}");
            return;
        }
        vertx.executeBlocking(() -> services.gates().clear(slo, by, reason.isEmpty() ? "cleared" : reason)).onSuccess(cleared -> {
            if (cleared) {
                Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("slo", slo).put("cleared", true));
            } else {
                Http.error(ctx, 404, "SLO '" + slo + "' has no override to clear");
            }
        }).onFailure(ctx::fail);
    }

    /**
     * The body if it is a JSON object, else a missing node (the callers say what they expect);
     * empty when it was answered 400 here: duplicate keys or content after the object are never guessed at.
     */
    private static Optional<JsonNode> body(RoutingContext ctx) {
        try {
            JsonNode body = StrictJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(), "the override");
            return Optional.of(body.isObject() ? body : MissingNode.getInstance());
        } catch (StrictJson.Malformed e) {
            if (e.fault() == StrictJson.Fault.NOT_JSON) {
                return Optional.of(MissingNode.getInstance());
            }
            Http.error(ctx, 400, e.getMessage());
            return Optional.empty();
        }
    }

    /** An ISO instant or a duration from now, in the future and within {@link #LONGEST_OVERRIDE}. */
    static Optional<Instant> expiry(String text, Instant now) {
        Optional<Instant> at = Durations.parse(text).map(now::plus);
        if (at.isEmpty()) {
            try {
                at = Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return at.filter(when -> when.isAfter(now) && !when.isAfter(now.plus(LONGEST_OVERRIDE)));
    }
}
