package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.probefleet.coordinator.fleet.Confirmations;
import org.probefleet.coordinator.ingest.BatchValidator;
import org.probefleet.coordinator.ingest.Tokens;
import org.probefleet.coordinator.service.DefinitionSet;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.api.StrictJson;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ingest ({@code POST /api/v1/outcomes}) and the drill-down reads of stored outcomes. */
final class OutcomeRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRoutes.class);
    static final long MAX_BODY = 1024 * 1024;
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final Vertx vertx;
    private final Services services;
    private final Access access;
    private final BatchValidator validator;
    private final Runnable confirmedFailureStored;
    /** The journeys in force by id: every stored outcome looks its journey up, 20,000 of them in a large fleet. */
    private volatile JourneyIndex journeyIndex = new JourneyIndex(null, Map.of());

    private record JourneyIndex(DefinitionSet of, Map<String, Journey> byId) {
        Optional<Journey> journey(String id) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    /** {@code confirmedFailureStored} is told after a batch holding a failed confirmation run is stored. */
    OutcomeRoutes(Vertx vertx, Services services, Access access, BatchValidator validator, Runnable confirmedFailureStored) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
        this.validator = validator;
        this.confirmedFailureStored = confirmedFailureStored;
    }

    void mount(Router router) {
        router.post("/api/v1/outcomes").handler(access::agentFirst).handler(Bodies.json(MAX_BODY)).handler(this::ingest);
        router.get("/api/v1/outcomes/:runId").handler(this::find);
        router.get("/api/v1/outcomes").handler(this::list);
    }

    /** A failed run asks the journey's other regions to run it now (see {@link Confirmations}). */
    private void askConfirmation(Outcome outcome) {
        journeys().journey(outcome.journey()).ifPresent(journey -> {
            Collection<String> regions = journey.regions().isEmpty() ? services.agents().regions() : journey.regions();
            services.confirmations().observe(outcome, regions, SloInput.runInterval(journey).orElse(Duration.ofMinutes(1)));
        });
    }

    /** A confirmation run that failed: a second region sees what the first saw, which may be an outage to page at once. */
    private static boolean confirmedFailure(Outcome outcome) {
        return outcome.trigger() == RunTrigger.CONFIRMATION && outcome.status() == OutcomeStatus.FAILURE;
    }

    private JourneyIndex journeys() {
        DefinitionSet definitions = services.definitions().get();
        JourneyIndex known = journeyIndex;
        if (known.of() != definitions) {
            Map<String, Journey> byId = new HashMap<>();
            definitions.loaded().definitions().journeys().forEach(journey -> byId.putIfAbsent(journey.id(), journey));
            known = new JourneyIndex(definitions, byId);
            journeyIndex = known;
        }
        return known;
    }

    private void ingest(RoutingContext ctx) {
        Optional<Tokens.Identity> agent = access.agent(ctx);
        if (agent.isEmpty()) {
            return;
        }
        JsonNode body;
        try {
            body = StrictJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(), "outcomes");
        } catch (StrictJson.Malformed e) {
            boolean syntax = e.fault() == StrictJson.Fault.NOT_JSON;
            Http.error(ctx, 400, syntax ? "the body is not JSON: send a JSON array of outcomes" : e.getMessage(),
                    syntax ? List.of(e.getMessage()) : List.of());
            return;
        }
        BatchValidator.Verdict verdict = validator.validate(body, agent.get(), services.clock().instant());
        if (verdict.rejection().isPresent()) {
            BatchValidator.Rejection rejection = verdict.rejection().get();
            Http.error(ctx, rejection.status(), rejection.message(), rejection.problems());
            return;
        }
        Future.fromCompletionStage(services.store().append(verdict.outcomes()), vertx.getOrCreateContext()).onComplete(result -> {
            if (result.succeeded()) {
                OutcomeStore.BatchResult stored = result.result();
                // The store has already handed them to the SLO engine, in commit order.
                for (Outcome outcome : stored.stored()) {
                    services.metrics().ingested(outcome);
                    askConfirmation(outcome);
                }
                if (stored.stored().stream().anyMatch(OutcomeRoutes::confirmedFailure)) {
                    confirmedFailureStored.run();
                }
                Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("accepted", stored.accepted())
                        .put("duplicates", stored.duplicates()));
            } else if (result.cause() instanceof OutcomeStore.ConflictException conflict) {
                Http.error(ctx, 409, conflict.getMessage() + "; nothing of the batch was stored");
            } else {
                LOG.error("storing a batch of {} outcomes from agent {} failed", verdict.outcomes().size(), agent.get().agent(), result.cause());
                Http.error(ctx, 503, "the store is unavailable; retry later");
            }
        });
    }

    private void find(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        UUID runId;
        try {
            runId = UUID.fromString(ctx.pathParam("runId"));
        } catch (IllegalArgumentException e) {
            Http.error(ctx, 400, "'" + ctx.pathParam("runId") + "' is not a run id (a UUID)");
            return;
        }
        vertx.executeBlocking(() -> services.store().find(runId)).onComplete(found -> {
            if (found.failed()) {
                Http.error(ctx, 503, "the store is unavailable");
            } else if (found.result().isEmpty()) {
                Http.error(ctx, 404, "no outcome with runId " + runId);
            } else {
                Http.json(ctx, 200, OutcomeJson.write(found.result().get()));
            }
        });
    }

    private void list(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        OutcomeStore.Query query;
        try {
            query = query(ctx);
        } catch (IllegalArgumentException e) {
            Http.error(ctx, 400, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> services.store().list(query)).onComplete(found -> {
            if (found.failed()) {
                Http.error(ctx, 503, "the store is unavailable");
                return;
            }
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode outcomes = body.putArray("outcomes");
            List<Outcome> page = found.result();
            page.forEach(outcome -> outcomes.add(OutcomeJson.write(outcome)));
            if (page.size() == query.limit()) {
                Outcome last = page.get(page.size() - 1);
                body.put("next", PageToken.write(OutcomeStore.Position.of(last)));
                // For clients from before "next": it skips the outcomes that share the last one's start time.
                body.put("next_before", last.startedAt().toString());
            }
            Http.json(ctx, 200, body);
        });
    }

    private static OutcomeStore.Query query(RoutingContext ctx) {
        Optional<OutcomeStatus> status = Optional.ofNullable(ctx.queryParams().get("status")).map(raw -> OutcomeStatus.fromWire(raw)
                .orElseThrow(() -> new IllegalArgumentException("status must be success, failure or prober_error, not '" + raw + "'")));
        int limit = DEFAULT_LIMIT;
        String rawLimit = ctx.queryParams().get("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", not '" + rawLimit + "'");
            }
        }
        return new OutcomeStore.Query(Optional.ofNullable(ctx.queryParams().get("journey")),
                Optional.ofNullable(ctx.queryParams().get("region")), status, instant(ctx, "since"), instant(ctx, "before"),
                Optional.ofNullable(ctx.queryParams().get("after")).map(PageToken::read), limit);
    }

    private static Optional<Instant> instant(RoutingContext ctx, String name) {
        String raw = ctx.queryParams().get(name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(raw));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant like 2026-11-28T10:00:00Z, not '" + raw + "'");
        }
    }
}
