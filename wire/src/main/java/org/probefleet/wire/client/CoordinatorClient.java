package org.probefleet.wire.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.probefleet.wire.api.ApiPaths;
import org.probefleet.wire.api.AgentAssignments;
import org.probefleet.wire.api.HeartbeatAnswer;
import org.probefleet.wire.api.HeartbeatRequest;
import org.probefleet.wire.api.Messages;
import org.probefleet.wire.outcome.Outcome;

/**
 * The one HTTP client of a coordinator's API, for agents and the command line. Typed where the
 * answer's shape is known; the status and body where callers decide by them. A call that reaches
 * no coordinator throws {@link CoordinatorUnreachable}.
 */
public final class CoordinatorClient {

    public static final String DEFAULT_URL = "http://localhost:8080";
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Heartbeats and assignment polls are small; a coordinator slower than this counts as down. */
    static final Duration AGENT_CALL_TIMEOUT = Duration.ofSeconds(15);
    /** A batch of outcomes, and every command-line call. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Artifacts (screenshots, traces) run to megabytes. */
    static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(60);

    /** An answer as the coordinator gave it. */
    public record Response(int status, String body, Optional<String> etag) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Assignments and the ETag that names them, to send back as {@code If-None-Match}. */
    public record Assigned(AgentAssignments assignments, Optional<String> etag) {
    }

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private CoordinatorClient(URI base, Optional<String> token) {
        this.base = base;
        this.token = token;
    }

    /** A client of the coordinator at {@code base} (a URL; a trailing slash is added), sending {@code token} when present. */
    public static CoordinatorClient create(String base, Optional<String> token) {
        return new CoordinatorClient(URI.create(base.endsWith("/") ? base : base + "/"), token);
    }

    public static CoordinatorClient create(URI base, String token) {
        return create(base.toString(), Optional.of(token));
    }

    /** The token from a file, or from an environment variable; never from a flag, so it stays out of shell history. */
    public static Optional<String> token(Path file, String variable) throws IOException {
        if (file != null) {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        }
        return Optional.ofNullable(System.getenv(variable)).map(String::trim).filter(value -> !value.isEmpty());
    }

    public URI base() {
        return base;
    }

    /** Sends a heartbeat; any answer but 200 is an {@link IOException} with the status and body. */
    public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) throws IOException, InterruptedException {
        Response response = send(request(ApiPaths.HEARTBEAT, AGENT_CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Messages.write(heartbeat).toString())));
        if (response.status() != 200) {
            throw new IOException("heartbeat refused: HTTP " + response.status() + " " + response.body());
        }
        return Messages.readHeartbeatAnswer(response.body());
    }

    /** The agent's assignments, or empty when they are still those {@code etag} names (304). */
    public Optional<Assigned> assignments(String agent, Optional<String> etag) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(ApiPaths.assignments(agent), AGENT_CALL_TIMEOUT).GET();
        etag.ifPresent(value -> request.header("If-None-Match", value));
        Response response = send(request);
        if (response.status() == 304) {
            return Optional.empty();
        }
        if (response.status() != 200) {
            throw new IOException("assignments refused: HTTP " + response.status() + " " + response.body());
        }
        return Optional.of(new Assigned(Messages.readAssignments(response.body()), response.etag()));
    }

    /** Posts a batch of outcomes; a 2xx body reads with {@link Messages#readIngestAnswer}. */
    public Response postOutcomes(List<Outcome> outcomes) throws IOException, InterruptedException {
        return send(request(ApiPaths.OUTCOMES, CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Messages.outcomeBatch(outcomes))));
    }

    public Response putArtifact(String id, Path file) throws IOException, InterruptedException {
        return send(request(ApiPaths.artifact(id), UPLOAD_TIMEOUT).PUT(HttpRequest.BodyPublishers.ofFile(file)));
    }

    /** Every SLO's latest results ({@code {"slos": [...]}}). */
    public Response slos() throws IOException, InterruptedException {
        return command("GET", ApiPaths.SLOS, null);
    }

    public Response gate(String slo) throws IOException, InterruptedException {
        return command("GET", ApiPaths.gate(slo), null);
    }

    public Response setGateOverride(String slo, String json) throws IOException, InterruptedException {
        return command("PUT", ApiPaths.gateOverride(slo), json);
    }

    public Response clearGateOverride(String slo, String json) throws IOException, InterruptedException {
        return command("DELETE", ApiPaths.gateOverride(slo), json);
    }

    /** Marks a deploy ({@code {"version", "by", "slos", "services", "at", "link"}}). */
    public Response markDeploy(String json) throws IOException, InterruptedException {
        return command("POST", ApiPaths.DEPLOYS, json);
    }

    public Response estimate(String slo) throws IOException, InterruptedException {
        return command("GET", ApiPaths.estimate(slo), null);
    }

    /** Pushes a definition set ({@code {"files": [{"name", "content"}]}}). */
    public Response pushDefinitions(String json) throws IOException, InterruptedException {
        return command("PUT", ApiPaths.JOURNEYS, json);
    }

    public Response report(String quarter) throws IOException, InterruptedException {
        return command("GET", ApiPaths.report(quarter), null);
    }

    private Response command(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, CALL_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(timeout);
        token.ifPresent(value -> request.header(ApiPaths.AUTHORIZATION, ApiPaths.bearer(value)));
        return request;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CoordinatorUnreachable(base, e);
        }
        return new Response(response.statusCode(), response.body(), response.headers().firstValue("ETag"));
    }
}
