package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.service.Ledgers;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.view.ReleaseJson;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.api.ApiPaths;
import org.probefleet.wire.api.StrictJson;

/**
 * Deploy markers: CI posts one per release (admin or deploy token); reads list them, with what
 * each did to an SLO when one is named, estimate an SLO's next release from them, and give the
 * SLO's budget ledger (where its budget went, releases among the causes).
 */
final class DeployRoutes {

    /** A marker may be posted a little after the fact, never for the future beyond clock skew. */
    static final Duration LARGEST_SKEW = Duration.ofMinutes(5);
    /** How far back {@code GET /api/v1/deploys} looks without {@code since}. */
    static final Duration DEFAULT_LISTED = Duration.ofDays(30);

    private final Vertx vertx;
    private final Services services;
    private final Access access;
    private final SloRoutes slos;

    DeployRoutes(Vertx vertx, Services services, Access access, SloRoutes slos) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
        this.slos = slos;
    }

    void mount(Router router) {
        router.post(ApiPaths.DEPLOYS).handler(access::deployerFirst).handler(Bodies.json(16 * 1024)).handler(this::mark);
        router.get(ApiPaths.DEPLOYS).handler(this::list);
        router.get(ApiPaths.ESTIMATE_ROUTE).handler(ctx -> slos.withSnapshot(ctx, snapshot ->
                vertx.executeBlocking(() -> ReleaseJson.estimate(services.deploys().estimate(snapshot)))
                        .onSuccess(json -> Http.json(ctx, 200, json)).onFailure(ctx::fail)));
        router.get(ApiPaths.BUDGET_ROUTE).handler(ctx -> slos.withSnapshot(ctx, snapshot ->
                vertx.executeBlocking(() -> ReleaseJson.ledger(snapshot.slo().name(),
                                new Ledgers(services.store(), services.deploys()).ledger(snapshot)))
                        .onSuccess(json -> Http.json(ctx, 200, json)).onFailure(ctx::fail)));
    }

    private void mark(RoutingContext ctx) {
        JsonNode body;
        try {
            body = StrictJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(), "the deploy");
        } catch (StrictJson.Malformed e) {
            Http.error(ctx, 400, e.getMessage());
            return;
        }
        List<String> problems = new ArrayList<>();
        Optional<Deploy> deploy = deploy(body, services.definitions().get().loaded().definitions(), services.clock().instant(), problems);
        if (deploy.isEmpty()) {
            Http.error(ctx, 400, "the deploy has " + problems.size() + " problem(s)", problems);
            return;
        }
        vertx.executeBlocking(() -> {
            services.store().recordDeploy(deploy.get());
            return deploy.get();
        }).onSuccess(stored -> Http.json(ctx, 201, ReleaseJson.deploy(stored))).onFailure(ctx::fail);
    }

    /**
     * The deploy a body describes: {@code version} and {@code by} required, {@code at} an ISO time
     * (default now), {@code link} a URL, {@code slos} and {@code services} (journeys) known names.
     */
    static Optional<Deploy> deploy(JsonNode body, Definitions definitions, Instant now, List<String> problems) {
        if (!body.isObject()) {
            problems.add("send a JSON object like {\"version\": \"2026.11.3\", \"slos\": [\"checkout-completion-rate\"], \"by\": \"ci\","
                    + " \"link\": \"https://ci.example.com/runs/42\"}");
            return Optional.empty();
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!List.of("version", "by", "at", "link", "slos", "services").contains(field)) {
                problems.add("unknown field '" + field + "': version, by, at, link, slos, services");
            }
        });
        String version = text(body, "version", "version: the release, e.g. \"2026.11.3\"", problems);
        String by = text(body, "by", "by: who or what deployed, e.g. \"ci\" or \"alice\"", problems);
        Instant at = now;
        if (body.has("at")) {
            try {
                at = Instant.parse(body.path("at").asText());
                if (at.isAfter(now.plus(LARGEST_SKEW))) {
                    problems.add("at: " + at + " is in the future");
                }
            } catch (DateTimeParseException e) {
                problems.add("at: an ISO time like 2026-11-28T14:02:00Z, not '" + body.path("at").asText() + "'");
            }
        }
        List<String> slos = names(body, "slos", name -> definitions.slo(name).isPresent(), "SLO", problems);
        List<String> journeys = names(body, "services", name -> definitions.journey(name).isPresent(), "journey", problems);
        Optional<String> link = body.hasNonNull("link") ? Optional.of(body.path("link").asText()) : Optional.empty();
        link.filter(url -> !url.startsWith("https://") && !url.startsWith("http://") || url.length() > Deploy.MAX_TEXT)
                .ifPresent(url -> problems.add("link: an http(s) URL of at most " + Deploy.MAX_TEXT + " characters, not '" + url + "'"));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Deploy(UUID.randomUUID(), version, at, by, link, slos, journeys));
    }

    private static String text(JsonNode body, String field, String expected, List<String> problems) {
        String text = body.path(field).isTextual() ? body.path(field).asText().strip() : "";
        if (text.isEmpty() || text.length() > Deploy.MAX_TEXT) {
            problems.add(expected + " (at most " + Deploy.MAX_TEXT + " characters)");
        }
        return text;
    }

    private static List<String> names(JsonNode body, String field, java.util.function.Predicate<String> known, String what,
                                      List<String> problems) {
        List<String> names = new ArrayList<>();
        if (!body.has(field)) {
            return names;
        }
        if (!body.path(field).isArray()) {
            problems.add(field + ": a list of " + what + " names");
            return names;
        }
        body.path(field).forEach(item -> {
            if (!known.test(item.asText())) {
                problems.add(field + ": no " + what + " named '" + item.asText() + "'");
            } else if (!names.contains(item.asText())) {
                names.add(item.asText());
            }
        });
        return names;
    }

    /** {@code ?slo=NAME} adds what each deploy did to it; {@code ?since=} an ISO time or a duration back from now (default 30d). */
    private void list(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        Instant now = services.clock().instant();
        Optional<Instant> since = since(ctx.queryParams().get("since"), now);
        if (since.isEmpty()) {
            Http.error(ctx, 400, "since: an ISO time like 2026-11-01T00:00:00Z or a duration like 7d");
            return;
        }
        String sloName = ctx.queryParams().get("slo");
        SloSnapshot snapshot = sloName == null ? null : services.slos().snapshots().get(sloName);
        if (sloName != null && snapshot == null) {
            Http.error(ctx, 404, "no evaluated SLO named '" + sloName + "'; GET /api/v1/slos lists them");
            return;
        }
        vertx.executeBlocking(() -> {
            ArrayNode deploys = JsonNodeFactory.instance.arrayNode();
            if (snapshot == null) {
                services.store().deploys(since.get(), now.plusMillis(1)).forEach(deploy -> deploys.add(ReleaseJson.deploy(deploy)));
            } else {
                Slo slo = snapshot.slo();
                services.deploys().impacts(slo, now).stream().filter(impact -> !impact.deploy().at().isBefore(since.get()))
                        .forEach(impact -> deploys.add(ReleaseJson.impact(slo.name(), impact, snapshot.global().budgetEvents(), slo.errorBudget())));
            }
            return (JsonNode) JsonNodeFactory.instance.objectNode().set("deploys", deploys);
        }).onSuccess(json -> Http.json(ctx, 200, json)).onFailure(ctx::fail);
    }

    private static Optional<Instant> since(String text, Instant now) {
        if (text == null) {
            return Optional.of(now.minus(DEFAULT_LISTED));
        }
        Optional<Instant> back = Durations.parse(text).map(now::minus);
        if (back.isPresent()) {
            return back;
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
