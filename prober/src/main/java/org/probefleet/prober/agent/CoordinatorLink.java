package org.probefleet.prober.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeJson;

/** Heartbeats to the coordinator and polls this agent's assignments (with ETag). */
public final class CoordinatorLink {

    /** Who the coordinator says this agent is. */
    public record Identity(String agent, String region) {
    }

    /**
     * What a heartbeat tells about the agent: browser capacity, self-check, outcomes waiting,
     * the latest run start since the last heartbeat and the runs skipped since the agent started.
     */
    public record Status(int capacity, boolean selfCheckOk, long outboxDepth, long scheduleLagMs, long missedRuns) {
        static Status starting(int capacity) {
            return new Status(capacity, true, 0, 0, 0);
        }
    }

    private final URI coordinator;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String etag;

    public CoordinatorLink(URI coordinator, String token) {
        this.coordinator = coordinator;
        this.token = token;
    }

    public Identity heartbeat(Status status) throws IOException, InterruptedException {
        String body = OutcomeJson.MAPPER.createObjectNode().put("version", org.probefleet.wire.Conventions.VERSION)
                .put("capacity", status.capacity()).put("selfCheck", status.selfCheckOk() ? "ok" : "failing")
                .put("outboxDepth", status.outboxDepth()).put("scheduleLagMs", status.scheduleLagMs())
                .put("missedRuns", status.missedRuns()).toString();
        HttpResponse<String> response = client.send(request("api/v1/agents/heartbeat").POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("heartbeat refused: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode json = OutcomeJson.MAPPER.readTree(response.body());
        return new Identity(json.path("agent").asText(), json.path("region").asText());
    }

    /** This agent's journeys when they changed since the last poll; empty when unchanged. */
    public Optional<List<Journey>> assignments(String agent) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("api/v1/agents/" + agent + "/assignments").GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("assignments refused: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode json = OutcomeJson.MAPPER.readTree(response.body());
        List<SourceFile> files = new ArrayList<>();
        json.path("files").forEach(file -> files.add(new SourceFile(file.path("name").asText(), file.path("content").asText())));
        LoadResult loaded = DefinitionLoader.load(files);
        if (!loaded.ok()) {
            throw new IOException("the coordinator sent definitions with problems: " + loaded.problems().get(0));
        }
        Set<String> mine = new HashSet<>();
        json.path("journeys").forEach(id -> mine.add(id.asText()));
        etag = response.headers().firstValue("ETag").orElse(null);
        return Optional.of(loaded.definitions().journeys().stream().filter(journey -> mine.contains(journey.id())).toList());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(coordinator.resolve(path)).timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + token);
    }
}
