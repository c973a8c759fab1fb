package org.probefleet.wire.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;

/**
 * The JSON of the messages agents and the coordinator exchange besides outcomes. Both sides
 * write and read them here, so a renamed field breaks this module's tests, not a running fleet.
 * Readers are lenient where agents of older releases may leave a field out.
 */
public final class Messages {

    /** This module's own mapper: nothing outside the wire contract configures it. */
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String NOT_JSON = "the heartbeat is not JSON";
    static final String NOT_OBJECT = "the heartbeat must be a JSON object like {\"version\": \"0.1.0\", \"capacity\": 2}";

    private Messages() {
    }

    public static ObjectNode write(HeartbeatRequest heartbeat) {
        return MAPPER.createObjectNode().put("version", heartbeat.version()).put("capacity", heartbeat.capacity())
                .put("selfCheck", heartbeat.selfCheckOk() ? "ok" : "failing").put("outboxDepth", heartbeat.outboxDepth())
                .put("scheduleLagMs", heartbeat.scheduleLagMs()).put("missedRuns", heartbeat.missedRuns());
    }

    /** Reads a heartbeat body; an empty one is {@link HeartbeatRequest#UNKNOWN}, a field left out takes its default. */
    public static HeartbeatRequest readHeartbeat(byte[] body) throws MalformedMessage {
        if (body.length == 0) {
            return HeartbeatRequest.UNKNOWN;
        }
        JsonNode json;
        try {
            json = StrictJson.read(body, "the heartbeat");
        } catch (StrictJson.Malformed e) {
            throw new MalformedMessage(e.fault() == StrictJson.Fault.NOT_JSON ? NOT_JSON : e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw new MalformedMessage(NOT_OBJECT);
        }
        HeartbeatRequest defaults = HeartbeatRequest.UNKNOWN;
        return new HeartbeatRequest(json.path("version").asText(defaults.version()), json.path("capacity").asInt(defaults.capacity()),
                !json.path("selfCheck").asText("ok").equals("failing"), json.path("outboxDepth").asLong(defaults.outboxDepth()),
                json.path("scheduleLagMs").asLong(defaults.scheduleLagMs()), json.path("missedRuns").asLong(defaults.missedRuns()));
    }

    public static ObjectNode write(HeartbeatAnswer answer) {
        ObjectNode json = MAPPER.createObjectNode().put("agent", answer.agent()).put("region", answer.region())
                .put("heartbeat_timeout_seconds", answer.heartbeatTimeoutSeconds())
                .put("definitions_version", answer.definitionsVersion());
        answer.confirm().forEach(json.putArray("confirm")::add);
        return json;
    }

    public static HeartbeatAnswer readHeartbeatAnswer(String body) throws IOException {
        JsonNode json = MAPPER.readTree(body);
        List<String> confirm = new ArrayList<>();
        json.path("confirm").forEach(journey -> confirm.add(journey.asText()));
        return new HeartbeatAnswer(json.path("agent").asText(), json.path("region").asText(),
                json.path("heartbeat_timeout_seconds").asLong(0), json.path("definitions_version").asText(), confirm);
    }

    public static ObjectNode write(AgentAssignments assignments) {
        ObjectNode json = MAPPER.createObjectNode().put("agent", assignments.agent()).put("region", assignments.region())
                .put("definitions_version", assignments.definitionsVersion());
        ArrayNode journeys = json.putArray("journeys");
        assignments.journeys().forEach(journeys::add);
        ArrayNode files = json.putArray("files");
        assignments.files().forEach(file -> files.addObject().put("name", file.name()).put("content", file.text()));
        return json;
    }

    public static AgentAssignments readAssignments(String body) throws IOException {
        JsonNode json = MAPPER.readTree(body);
        List<String> journeys = new ArrayList<>();
        json.path("journeys").forEach(id -> journeys.add(id.asText()));
        List<SourceFile> files = new ArrayList<>();
        json.path("files").forEach(file -> files.add(new SourceFile(file.path("name").asText(), file.path("content").asText())));
        return new AgentAssignments(json.path("agent").asText(), json.path("region").asText(), json.path("definitions_version").asText(),
                journeys, files);
    }

    public static ObjectNode write(IngestAnswer answer) {
        return MAPPER.createObjectNode().put("accepted", answer.accepted()).put("duplicates", answer.duplicates());
    }

    public static IngestAnswer readIngestAnswer(String body) throws IOException {
        JsonNode json = MAPPER.readTree(body);
        return new IngestAnswer(json.path("accepted").asLong(0), json.path("duplicates").asLong(0));
    }

    /** A batch of outcomes as {@code POST /api/v1/outcomes} takes it: a JSON array in the outcome wire form. */
    public static String outcomeBatch(List<Outcome> outcomes) {
        ArrayNode batch = MAPPER.createArrayNode();
        outcomes.forEach(outcome -> batch.add(OutcomeJson.write(outcome)));
        return batch.toString();
    }
}
