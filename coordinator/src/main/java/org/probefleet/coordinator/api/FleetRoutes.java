package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.fleet.AssignmentBook;
import org.probefleet.coordinator.ingest.Tokens;
import org.probefleet.coordinator.service.DefinitionSet;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.api.ApiPaths;
import org.probefleet.wire.api.AgentAssignments;
import org.probefleet.wire.api.HeartbeatAnswer;
import org.probefleet.wire.api.HeartbeatRequest;
import org.probefleet.wire.api.MalformedMessage;
import org.probefleet.wire.api.Messages;
import org.probefleet.wire.api.StrictJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Heartbeats, assignments (journeys spread over a region's live agents) and definition pushes. */
final class FleetRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(FleetRoutes.class);
    static final String DEFINITIONS_SETTING = "definitions";
    static final long MAX_DEFINITIONS_BODY = 4L * 1024 * 1024;

    /** The definition files of one version as JSON. */
    private record RenderedFiles(String version, RawValue json) {
    }

    private final Vertx vertx;
    private final Services services;
    private final Access access;
    private final AssignmentBook book = new AssignmentBook();
    private volatile RenderedFiles renderedFiles;

    FleetRoutes(Vertx vertx, Services services, Access access) {
        this.vertx = vertx;
        this.services = services;
        this.access = access;
    }

    void mount(Router router) {
        router.post(ApiPaths.HEARTBEAT).handler(access::agentFirst).handler(Bodies.json(64 * 1024)).handler(this::heartbeat);
        router.get(ApiPaths.ASSIGNMENTS_ROUTE).handler(this::assignments);
        router.get(ApiPaths.AGENTS).handler(this::agents);
        router.put(ApiPaths.JOURNEYS).handler(access::adminFirst).handler(Bodies.json(MAX_DEFINITIONS_BODY)).handler(this::push);
        router.get(ApiPaths.JOURNEYS).handler(ctx -> {
            if (access.read(ctx)) {
                Http.json(ctx, 200, services.definitions().get().toJson());
            }
        });
    }

    private void heartbeat(RoutingContext ctx) {
        Optional<Tokens.Identity> agent = access.agent(ctx);
        if (agent.isEmpty()) {
            return;
        }
        HeartbeatRequest body;
        try {
            body = Messages.readHeartbeat(ctx.body().length() == 0 ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (MalformedMessage e) {
            Http.error(ctx, 400, e.getMessage());
            return;
        }
        AgentRegistry.Heartbeat beat = services.agents().beat(agent.get().agent(), agent.get().region(), new AgentRegistry.Status(
                body.version(), body.capacity(), body.selfCheckOk(), body.outboxDepth(), body.scheduleLagMs(), body.missedRuns()));
        DefinitionSet definitions = services.definitions().get();
        List<String> confirm = services.confirmations().take(beat.region(), assignedTo(beat.agent(), beat.region(), definitions));
        Http.json(ctx, 200, Messages.write(new HeartbeatAnswer(beat.agent(), beat.region(), services.agents().timeout().toSeconds(),
                definitions.version(), confirm)));
    }

    /**
     * An agent's journeys, with the definition files unless the agent says it holds them
     * ({@code ?definitions=VERSION} naming the version in force): the files are the bulk of the
     * body (megabytes at 20,000 journeys) and change only with the definitions, the journeys with
     * every agent that comes or goes. The ETag names the journeys and the version.
     */
    private void assignments(RoutingContext ctx) {
        Optional<Tokens.Identity> agent = access.agent(ctx);
        if (agent.isEmpty()) {
            return;
        }
        String name = ctx.pathParam("agent");
        if (!name.equals(agent.get().agent())) {
            Http.error(ctx, 403, "the token belongs to agent " + agent.get().agent() + ", not " + name);
            return;
        }
        String region = agent.get().region();
        DefinitionSet definitions = services.definitions().get();
        List<String> journeys = assignedTo(name, region, definitions);
        String etag = "\"" + Integer.toHexString(journeys.hashCode()) + "-" + definitions.version() + "\"";
        if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag).end();
            return;
        }
        ObjectNode body = Messages.write(new AgentAssignments(name, region, definitions.version(), journeys, List.of()));
        if (!definitions.version().equals(ctx.request().getParam(ApiPaths.HELD_DEFINITIONS))) {
            body.putRawValue("files", files(definitions));
        }
        ctx.response().putHeader(HttpHeaders.ETAG, etag);
        Http.json(ctx, 200, body);
    }

    /** The definition files as JSON, rendered once per version rather than for every agent that fetches them. */
    private RawValue files(DefinitionSet definitions) {
        RenderedFiles known = renderedFiles;
        if (known == null || !known.version().equals(definitions.version())) {
            known = new RenderedFiles(definitions.version(), new RawValue(Messages.write(new AgentAssignments("", "", definitions.version(),
                    List.of(), definitions.files())).get("files").toString()));
            renderedFiles = known;
        }
        return known.json();
    }

    /** The journeys of {@code region} this agent runs: spread over the region's live agents, counting it in. */
    private List<String> assignedTo(String name, String region, DefinitionSet definitions) {
        return book.journeysOf(name, region, definitions.version(), () -> definitions.loaded().definitions().journeys().stream()
                .filter(journey -> journey.runsIn(region)).map(Journey::id).toList(), services.agents().liveIn(region));
    }

    private void agents(RoutingContext ctx) {
        if (!access.read(ctx)) {
            return;
        }
        ArrayNode agents = JsonNodeFactory.instance.arrayNode();
        for (AgentRegistry.Heartbeat beat : services.agents().all()) {
            AgentRegistry.Status status = beat.status();
            agents.addObject().put("agent", beat.agent()).put("region", beat.region()).put("version", status.version())
                    .put("up", services.agents().isLive(beat.agent())).put("capacity", status.capacity())
                    .put("self_check", status.selfCheckOk() ? "ok" : "failing").put("outbox_depth", status.outboxDepth())
                    .put("schedule_lag_ms", status.scheduleLagMs()).put("missed_runs", status.missedRuns())
                    .put("last_heartbeat", beat.receivedAt().toString());
        }
        Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().set("agents", agents));
    }

    private void push(RoutingContext ctx) {
        if (access.admin(ctx).isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<SourceFile> files;
        try {
            files = DefinitionSet.filesFrom(StrictJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(),
                    "the push"), problems);
        } catch (StrictJson.Malformed e) {
            boolean syntax = e.fault() == StrictJson.Fault.NOT_JSON;
            Http.error(ctx, 400, syntax ? "the body is not JSON" : e.getMessage(), syntax ? List.of(e.getMessage()) : List.of());
            return;
        }
        if (!problems.isEmpty()) {
            Http.error(ctx, 400, "malformed definitions push", problems);
            return;
        }
        DefinitionSet set = DefinitionSet.of(files);
        if (!set.loaded().ok()) {
            Http.error(ctx, 400, "the definitions have " + set.loaded().problems().size() + " problem(s); nothing changed",
                    set.loaded().problems().stream().map(Object::toString).toList());
            return;
        }
        vertx.executeBlocking(() -> {
            services.store().saveSetting(DEFINITIONS_SETTING, set.toJson().toString());
            services.slos().load(set.loaded().definitions(), services.store());
            services.metrics().journeys(set.loaded().definitions().journeys());
            services.definitions().set(set);
            return set;
        }).onComplete(done -> {
            if (done.failed()) {
                LOG.error("applying pushed definitions failed", done.cause());
                Http.error(ctx, 503, "the definitions could not be stored; nothing changed");
                return;
            }
            var definitions = set.loaded().definitions();
            LOG.info("definitions {} applied: {} journeys, {} SLOs, {} policies", set.version(), definitions.journeys().size(),
                    definitions.slos().size(), definitions.policies().size());
            Http.json(ctx, 200, JsonNodeFactory.instance.objectNode().put("version", set.version())
                    .put("journeys", definitions.journeys().size()).put("slos", definitions.slos().size())
                    .put("policies", definitions.policies().size()));
        });
    }
}
