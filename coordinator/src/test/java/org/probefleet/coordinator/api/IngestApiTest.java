package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;

public class IngestApiTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path folder;
    TestClock clock = new TestClock(NOW);
    TestCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, clock);
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    public static Outcome outcome(String agent, String region, Instant at, OutcomeStatus status) {
        return new Outcome(UUID.randomUUID(), "checkout", "1", region, agent, at, 1500, status, 1,
                status == OutcomeStatus.FAILURE ? Optional.of("pay") : Optional.empty(),
                status == OutcomeStatus.FAILURE ? Optional.of("expected text \"Order confirmed\"") : Optional.empty(),
                List.of(), Map.of());
    }

    public static String batch(List<Outcome> outcomes) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        outcomes.forEach(outcome -> array.add(OutcomeJson.write(outcome)));
        return array.toString();
    }

    /**
     * Failed runs in eu-west, one a second back from now, enough to exhaust checkout's fresh 30-day budget: it is measured
     * against the 129,600 runs the window plans (3 regions, one a minute), so 99.4% allows 777.6 bad ones.
     */
    static List<Outcome> exhaustingOutage() {
        List<Outcome> failures = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            failures.add(outcome("eu-west-1", "eu-west", NOW.minusSeconds(i + 1), OutcomeStatus.FAILURE));
        }
        return failures;
    }

    static List<Outcome> healthy(int count) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outcomes.add(outcome("eu-west-1", "eu-west", NOW.minusSeconds(60L * (count - i)), OutcomeStatus.SUCCESS));
        }
        return outcomes;
    }

    HttpResponse<String> post(String token, String body) throws Exception {
        return coordinator.send("POST", "/api/v1/outcomes", token, body);
    }

    @Test
    @DisplayName("a batch is accepted, the same batch again is all duplicates, and each outcome reads back")
    void idempotentIngest() throws Exception {
        List<Outcome> outcomes = healthy(5);
        String body = batch(outcomes);

        HttpResponse<String> first = post(TestCoordinator.EU_TOKEN, body);
        HttpResponse<String> again = post(TestCoordinator.EU_TOKEN, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"accepted\":5,\"duplicates\":0}");
        assertThat(again.body()).isEqualTo("{\"accepted\":0,\"duplicates\":5}");
        HttpResponse<String> read = coordinator.send("GET", "/api/v1/outcomes/" + outcomes.get(2).runId(), null, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(OutcomeJson.write(outcomes.get(2)).toString());
        assertThat(coordinator.send("GET", "/api/v1/outcomes/" + UUID.randomUUID(), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("the same runId with different content is 409 and nothing of that batch is stored")
    void conflict() throws Exception {
        Outcome original = healthy(1).get(0);
        post(TestCoordinator.EU_TOKEN, batch(List.of(original)));
        Outcome changed = new Outcome(original.runId(), original.journey(), original.journeyVersion(), original.region(),
                original.agent(), original.startedAt(), 99, original.status(), 1, Optional.empty(), Optional.empty(), List.of(), Map.of());
        Outcome fresh = healthy(1).get(0);

        HttpResponse<String> response = post(TestCoordinator.EU_TOKEN, batch(List.of(fresh, changed)));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(coordinator.send("GET", "/api/v1/outcomes/" + fresh.runId(), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a wrong token is 401; another region's or agent's outcomes are 403")
    void authentication() throws Exception {
        String body = batch(healthy(2));

        assertThat(post(null, body).statusCode()).isEqualTo(401);
        assertThat(post("not-a-token", body).statusCode()).isEqualTo(401);
        assertThat(post(TestCoordinator.ADMIN_TOKEN, body).statusCode()).isEqualTo(403);
        HttpResponse<String> foreign = post(TestCoordinator.US_TOKEN, body);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(coordinator.json(foreign).get("problems").get(0).asText())
                .isEqualTo("outcomes[0]: agent eu-west-1 in eu-west, but the token belongs to us-east-1 in us-east");
        assertThat(post(TestCoordinator.EU2_TOKEN, body).statusCode()).isEqualTo(403);
    }

    static List<Arguments> hostile() {
        String valid = OutcomeJson.write(outcome("eu-west-1", "eu-west", NOW.minusSeconds(30), OutcomeStatus.SUCCESS)).toString();
        String bad = valid.replace("\"status\":\"success\"", "\"status\":\"great\"");
        return List.of(
                Arguments.of("not JSON", "{{{", 400, "the body is not JSON: send a JSON array of outcomes"),
                Arguments.of("an object instead of an array", valid, 400, "the body must be a JSON array of outcomes"),
                Arguments.of("a missing runId", "[" + valid.replaceAll("\"runId\":\"[^\"]+\",", "") + "]", 400,
                        "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("an unknown status", "[" + bad + "]", 400, "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("a negative duration", "[" + valid.replace("\"durationMs\":1500", "\"durationMs\":-5") + "]", 400,
                        "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("a date in 2099", "[" + valid.replaceAll("\"startedAt\":\"[^\"]+\"", "\"startedAt\":\"2099-01-01T00:00:00Z\"") + "]",
                        400, "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("a date long past", "[" + valid.replaceAll("\"startedAt\":\"[^\"]+\"", "\"startedAt\":\"2020-01-01T00:00:00Z\"") + "]",
                        400, "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("a batch with one bad outcome", "[" + valid + "," + bad + "]", 400,
                        "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("two arrays, the second one dropped", "[" + valid + "][" + valid + "]", 400,
                        "the body has more after the JSON array, at line 1, column " + (valid.length() + 3) + ": send exactly one JSON array"),
                Arguments.of("closing brackets and garbage after the array", "[" + valid + "]]]garbage", 400,
                        "the body has more after the JSON array, at line 1, column " + (valid.length() + 3) + ": send exactly one JSON array"),
                Arguments.of("a key twice in one outcome", "[" + valid.replace("\"region\":", "\"journey\":\"login\",\"region\":") + "]", 400,
                        "duplicate key 'journey' in outcomes[0], at line 1, column " + (valid.indexOf("\"region\":") + 11)
                                + ": send each key once"),
                Arguments.of("a lone surrogate in a string", "[" + valid.replace("\"journeyVersion\":\"1\"", "\"journeyVersion\":\"x\\ud800y\"") + "]",
                        400, "the batch has 1 problem(s); nothing of it was stored"),
                Arguments.of("a 3 MB string", "[" + valid.replace("\"journeyVersion\":\"1\"", "\"journeyVersion\":\"" + "x".repeat(3_000_000) + "\"") + "]",
                        413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    @DisplayName("hostile payloads are refused with a 4xx and store nothing of their batch")
    void hostilePayloads(String description, String body, int status, String message) throws Exception {
        HttpResponse<String> response = post(TestCoordinator.EU_TOKEN, body);

        assertThat(response.statusCode()).isEqualTo(status);
        if (message != null) {
            assertThat(coordinator.json(response).get("error").asText()).isEqualTo(message);
        }
        HttpResponse<String> list = coordinator.send("GET", "/api/v1/outcomes", null, null);
        assertThat(coordinator.json(list).get("outcomes")).isEmpty();
    }

    @Test
    @DisplayName("each bad field is named: the future date says why, and the unknown status says what is allowed")
    void fieldMessages() throws Exception {
        String valid = OutcomeJson.write(outcome("eu-west-1", "eu-west", NOW.minusSeconds(30), OutcomeStatus.SUCCESS)).toString();
        String future = valid.replaceAll("\"startedAt\":\"[^\"]+\"", "\"startedAt\":\"2099-01-01T00:00:00Z\"");
        String unknown = valid.replace("\"status\":\"success\"", "\"status\":\"great\"");

        JsonNode response = coordinator.json(post(TestCoordinator.EU_TOKEN, "[" + future + "," + unknown + "]"));

        assertThat(response.get("problems")).extracting(JsonNode::asText).containsExactly(
                "outcomes[0].startedAt: 2099-01-01T00:00:00Z is more than 5 minutes after the coordinator's time 2026-11-28T12:00:00Z: check the agent's clock",
                "outcomes[1].status: 'great' must be success, failure or prober_error");
    }

    @Test
    @DisplayName("over 1,000 outcomes in one batch is 413")
    void tooManyOutcomes() throws Exception {
        HttpResponse<String> response = post(TestCoordinator.EU_TOKEN, batch(healthy(1001)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(coordinator.json(response).get("error").asText())
                .isEqualTo("a batch holds at most 1000 outcomes, this one 1001: send smaller batches");
    }

    @Test
    @DisplayName("the drill-down list filters by journey, region and status, newest first, and pages")
    void listing() throws Exception {
        List<Outcome> outcomes = new ArrayList<>(healthy(3));
        outcomes.add(outcome("eu-west-1", "eu-west", NOW.minusSeconds(10), OutcomeStatus.FAILURE));
        post(TestCoordinator.EU_TOKEN, batch(outcomes));

        JsonNode failures = coordinator.json(coordinator.send("GET", "/api/v1/outcomes?journey=checkout&region=eu-west&status=failure", null, null));
        JsonNode page = coordinator.json(coordinator.send("GET", "/api/v1/outcomes?limit=2", null, null));

        assertThat(failures.get("outcomes")).hasSize(1);
        assertThat(failures.get("outcomes").get(0).get("failedStep").asText()).isEqualTo("pay");
        assertThat(page.get("outcomes")).hasSize(2);
        assertThat(page.get("outcomes").get(0).get("startedAt").asText()).isEqualTo(NOW.minusSeconds(10).toString());
        assertThat(page.get("next_before").asText()).isEqualTo(NOW.minusSeconds(60).toString());
        assertThat(coordinator.send("GET", "/api/v1/outcomes?status=meh", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("ingested failures show up in the SLO results, per region and globally")
    void sloResults() throws Exception {
        List<Outcome> outcomes = new ArrayList<>(healthy(8));
        outcomes.add(outcome("eu-west-1", "eu-west", NOW.minusSeconds(20), OutcomeStatus.FAILURE));
        outcomes.add(outcome("eu-west-1", "eu-west", NOW.minusSeconds(10), OutcomeStatus.PROBER_ERROR));
        post(TestCoordinator.EU_TOKEN, batch(outcomes));
        coordinator.server.slos().evaluate();

        JsonNode slo = coordinator.json(coordinator.send("GET", "/api/v1/slos/checkout-journey-success", null, null));

        assertThat(slo.get("sli").asDouble()).isEqualTo(8.0 / 9);
        // A fresh SLO: one failure against the 129,600 runs the 30-day window plans, not against the 9 seen so far.
        assertThat(slo.get("budget_basis").asText()).isEqualTo("planned");
        assertThat(slo.get("planned_events").asLong()).isEqualTo(129_600);
        assertThat(slo.get("consumed").asDouble()).isCloseTo(1.0 / 129_600 / 0.006, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(slo.get("regions")).extracting(region -> region.get("region").asText()).containsExactly("ap-south", "eu-west", "us-east");
        assertThat(coordinator.send("GET", "/api/v1/slos/nope", null, null).statusCode()).isEqualTo(404);
        String metrics = coordinator.send("GET", "/metrics", null, null).body();
        assertThat(metrics).contains("probefleet_outcomes_ingested_total{journey=\"checkout\",region=\"eu-west\",status=\"failure\"} 1.0")
                .contains("probefleet_slo_burn_rate{region=\"global\",slo=\"checkout-journey-success\",window=\"1h\"}");
    }

    @Test
    @DisplayName("the journeys page shows each journey's schedule, its last run per region and how flaky it was")
    void journeysPage() throws Exception {
        List<Outcome> outcomes = new ArrayList<>(healthy(8));
        Outcome retried = outcome("eu-west-1", "eu-west", NOW.minusSeconds(20), OutcomeStatus.SUCCESS);
        outcomes.add(new Outcome(retried.runId(), retried.journey(), retried.journeyVersion(), retried.region(), retried.agent(),
                retried.startedAt(), retried.durationMs(), retried.status(), 2, Optional.empty(), Optional.empty(), List.of(), Map.of()));
        post(TestCoordinator.EU_TOKEN, batch(outcomes));

        HttpResponse<String> page = coordinator.send("GET", "/journeys", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<strong>checkout</strong>", "every 1m", "eu-west success 20 s ago, 1500 ms", "us-east never",
                "11.1% (1 of 9 passed on a retry)", "<strong>catalog-api</strong>");

        JsonNode checkout = null;
        for (JsonNode journey : coordinator.json(coordinator.send("GET", "/api/v1/journeys/status", null, null)).get("journeys")) {
            checkout = journey.get("journey").asText().equals("checkout") ? journey : checkout;
        }
        assertThat(checkout).isNotNull();
        assertThat(checkout.get("kind").asText() + " " + checkout.get("mode").asText() + " " + checkout.get("schedule").asText())
                .isEqualTo("browser live every 1m (spread 20s)");
        assertThat(checkout.get("last_run").get("eu-west").get("startedAt").asText()).isEqualTo(NOW.minusSeconds(20).toString());
        assertThat(checkout.get("last_run").get("us-east").isNull()).isTrue();
        assertThat(checkout.get("successes_24h").asLong() + "/" + checkout.get("retried_successes_24h").asLong()).isEqualTo("9/1");
    }

    @Test
    @DisplayName("an SLO's page, where alerts link to: burn-down, SLI per day, region strips, burn rates, steps, policy, latest failures")
    void sloPage() throws Exception {
        List<Outcome> outcomes = new ArrayList<>(healthy(8));
        outcomes.add(outcome("eu-west-1", "eu-west", NOW.minusSeconds(20), OutcomeStatus.FAILURE));
        post(TestCoordinator.EU_TOKEN, batch(outcomes));
        coordinator.server.slos().evaluate();

        HttpResponse<String> page = coordinator.send("GET", "/slos/checkout-journey-success", null, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body()).contains("<h2>checkout-journey-success", "<th>Burn 3d</th>", "<strong>ap-south</strong>",
                "<strong>eu-west</strong>", "Latest failures", "expected text &quot;Order confirmed&quot;", "payments-team",
                "Error budget burn-down", "<polyline", "SLI per day", "Regions, last 24 hours", "8 good, 1 bad",
                "Steps that burned the budget", "<td>pay</td><td>1</td>", "Policy in ");
        assertThat(coordinator.send("GET", "/slos/nope", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("markup and quotes an agent sends (a step name, an error, its version) show as text on the SLO page and the overview")
    void hostileValuesAreEscaped() throws Exception {
        String hostile = "<script>alert(\"x\")</script>";
        Outcome failure = outcome("eu-west-1", "eu-west", NOW.minusSeconds(20), OutcomeStatus.FAILURE);
        post(TestCoordinator.EU_TOKEN, batch(List.of(new Outcome(failure.runId(), failure.journey(), failure.journeyVersion(), failure.region(),
                failure.agent(), failure.startedAt(), failure.durationMs(), failure.status(), 1, Optional.of(hostile), Optional.of(hostile),
                List.of(), Map.of()))));
        assertThat(coordinator.send("POST", "/api/v1/agents/heartbeat", TestCoordinator.EU_TOKEN,
                "{\"version\":\"<script>alert(\\\"x\\\")</script>\",\"capacity\":2,\"selfCheck\":\"ok\",\"outboxDepth\":0}").statusCode())
                .isEqualTo(200);
        coordinator.server.slos().evaluate();

        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;";
        assertThat(coordinator.send("GET", "/slos/checkout-journey-success", null, null).body())
                .contains("<td>" + escaped + "</td><td>1</td>", "<td>" + escaped + "</td><td>" + escaped + "</td>").doesNotContain(hostile);
        assertThat(coordinator.send("GET", "/", null, null).body()).contains("<td>" + escaped + "</td></tr>").doesNotContain(hostile);
    }

    @Test
    @DisplayName("the gate allows releases while the budget is healthy and blocks once it is exhausted")
    void gate() throws Exception {
        post(TestCoordinator.EU_TOKEN, batch(healthy(20)));
        coordinator.server.slos().evaluate();
        JsonNode open = coordinator.json(coordinator.send("GET", "/api/v1/slos/checkout-journey-success/gate", null, null));

        post(TestCoordinator.EU_TOKEN, batch(exhaustingOutage()));
        coordinator.server.slos().evaluate();
        JsonNode closed = coordinator.json(coordinator.send("GET", "/api/v1/slos/checkout-journey-success/gate", null, null));

        assertThat(open.get("allowed").asBoolean()).isTrue();
        assertThat(open.get("state").asText()).isEqualTo("FULL");
        assertThat(closed.get("allowed").asBoolean()).isFalse();
        assertThat(closed.get("state").asText()).isEqualTo("EXHAUSTED");
        assertThat(closed.get("requires").get(0).asText()).isEqualTo("All releases require VP Engineering approval");
    }

    @Test
    @DisplayName("unknown endpoints answer 404 in JSON; health and readiness answer")
    void health() throws Exception {
        assertThat(coordinator.send("GET", "/healthz", null, null).body()).isEqualTo("ok\n");
        assertThat(coordinator.send("GET", "/readyz", null, null).statusCode()).isEqualTo(200);
        assertThat(coordinator.send("GET", "/api/v2/nothing", null, null).statusCode()).isEqualTo(404);
    }

}
