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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.probefleet.wire.api.ApiPaths;
import org.probefleet.wire.api.AgentAssignments;
import org.probefleet.wire.api.HeartbeatAnswer;
import org.probefleet.wire.api.HeartbeatRequest;
import org.probefleet.wire.api.Messages;
import org.probefleet.wire.outcome.Outcome;

/**
 * The one HTTP client of a coordinator's API, for agents and the command line. Typed where the
 * answer's shape is known; the status and body where callers decide by them. Given several
 * coordinators of a group, a call goes to the one that answered last and moves on to the next
 * when it cannot be reached or is unavailable (502, 503, 504); a call that reaches no coordinator
 * throws {@link CoordinatorUnreachable}, and the caller's backoff decides when to try again.
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
    /** Answers that say this coordinator cannot serve now, where another of the group may. */
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);

    /** An answer as the coordinator gave it. */
    public record Response(int status, String body, Optional<String> etag) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Assignments and the ETag that names them, to send back as {@code If-None-Match}. */
    public record Assigned(AgentAssignments assignments, Optional<String> etag) {
    }

    private final List<URI> bases;
    private final Optional<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    /** The coordinator that answered last: calls start there. */
    private volatile int current;

    private CoordinatorClient(List<URI> bases, Optional<String> token) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("no coordinator URL given");
        }
        this.bases = List.copyOf(bases);
        this.token = token;
    }

    /**
     * A client of the coordinator at {@code base} (a URL, or several separated by commas for a group; a
     * trailing slash is added), sending {@code token} when present.
     */
    public static CoordinatorClient create(String base, Optional<String> token) {
        return new CoordinatorClient(urls(base), token);
    }

    public static CoordinatorClient create(URI base, String token) {
        return create(base.toString(), Optional.of(token));
    }

    public static CoordinatorClient create(List<URI> bases, String token) {
        return new CoordinatorClient(bases.stream().map(base -> slashed(base.toString())).toList(), Optional.of(token));
    }

    /** The coordinators in {@code list}, URLs separated by commas, each with a trailing slash. */
    public static List<URI> urls(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(url -> !url.isEmpty()).map(CoordinatorClient::slashed)
                .toList();
    }

    private static URI slashed(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    /** The token from a file, or from an environment variable; never from a flag, so it stays out of shell history. */
    public static Optional<String> token(Path file, String variable) throws IOException {
        if (file != null) {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        }
        return Optional.ofNullable(System.getenv(variable)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** The coordinator that answered last (the first given, before any call). */
    public URI base() {
        return bases.get(current);
    }

    /** Sends a heartbeat; any answer but 200 is an {@link IOException} with the status and body. */
    public HeartbeatAnswer heartbeat(HeartbeatRequest heartbeat) throws IOException, InterruptedException {
        Response response = send(ApiPaths.HEARTBEAT, request(AGENT_CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Messages.write(heartbeat).toString())));
        if (response.status() != 200) {
            throw new IOException("heartbeat refused: HTTP " + response.status() + " " + response.body());
        }
        return Messages.readHeartbeatAnswer(response.body());
    }

    /** The agent's assignments, or empty when they are still those {@code etag} names (304). */
    public Optional<Assigned> assignments(String agent, Optional<String> etag) throws IOException, InterruptedException {
        return assignments(agent, etag, Optional.empty());
    }

    /**
     * The agent's assignments, or empty when they are still those {@code etag} names (304); without
     * the definition files when the agent {@code holds} those of the version in force.
     */
    public Optional<Assigned> assignments(String agent, Optional<String> etag, Optional<String> holds)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(AGENT_CALL_TIMEOUT).GET();
        etag.ifPresent(value -> request.header("If-None-Match", value));
        Response response = send(holds.map(version -> ApiPaths.assignments(agent, version)).orElseGet(() -> ApiPaths.assignments(agent)),
                request);
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
        return send(ApiPaths.OUTCOMES, request(CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Messages.outcomeBatch(outcomes))));
    }

    public Response putArtifact(String id, Path file) throws IOException, InterruptedException {
        return send(ApiPaths.artifact(id), request(UPLOAD_TIMEOUT).PUT(HttpRequest.BodyPublishers.ofFile(file)));
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
        HttpRequest.Builder request = request(CALL_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(path, request);
    }

    private HttpRequest.Builder request(Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout);
        token.ifPresent(value -> request.header(ApiPaths.AUTHORIZATION, ApiPaths.bearer(value)));
        return request;
    }

    /** Tries each coordinator once, from the one that answered last; the first real answer sticks. */
    private Response send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
        int first = current;
        CoordinatorUnreachable unreachable = null;
        Response unavailable = null;
        for (int tried = 0; tried < bases.size(); tried++) {
            int at = (first + tried) % bases.size();
            URI base = bases.get(at);
            HttpResponse<String> response;
            try {
                response = http.send(request.uri(base.resolve(path.substring(1))).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                unreachable = new CoordinatorUnreachable(base, e);
                continue;
            }
            Response answer = new Response(response.statusCode(), response.body(), response.headers().firstValue("ETag"));
            if (UNAVAILABLE.contains(answer.status()) && tried + 1 < bases.size()) {
                unavailable = answer;
                continue;
            }
            current = at;
            return answer;
        }
        if (unavailable != null) {
            return unavailable;
        }
        throw unreachable;
    }
}
