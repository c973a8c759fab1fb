package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Deploy markers over HTTP and the command line: who may post them, what they did, the estimate,
 * the gate that reads it and the pull-request review.
 */
class DeployApiTest extends CoordinatorCliFixture {

    static final String SLO = "checkout-journey-success";

    @Test
    @DisplayName("the deploy or admin token marks a deploy; an agent token, no token and a wrong body are refused with reasons")
    void whoMayMark() throws Exception {
        String body = "{\"version\": \"2026.11.3\", \"slos\": [\"" + SLO + "\"], \"by\": \"ci\", \"link\": \"https://ci.example.test/runs/42\"}";

        assertThat(coordinator.send("POST", "/api/v1/deploys", TestCoordinator.DEPLOY_TOKEN, body).statusCode()).isEqualTo(201);
        assertThat(coordinator.send("POST", "/api/v1/deploys", TestCoordinator.ADMIN_TOKEN, body).statusCode()).isEqualTo(201);
        assertThat(coordinator.send("POST", "/api/v1/deploys", TestCoordinator.EU_TOKEN, body).statusCode()).isEqualTo(403);
        assertThat(coordinator.send("POST", "/api/v1/deploys", null, body).statusCode()).isEqualTo(401);
        var refused = coordinator.send("POST", "/api/v1/deploys", TestCoordinator.DEPLOY_TOKEN,
                "{\"slos\": [\"no-such-slo\"], \"by\": \"ci\", \"at\": \"tomorrow\", \"colour\": \"red\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(refused).path("problems").toString()).contains("unknown field 'colour'",
                "version: the release, e.g. \\\"2026.11.3\\\"", "at: an ISO time like 2026-11-28T14:02:00Z, not 'tomorrow'",
                "slos: no SLO named 'no-such-slo'");

        JsonNode listed = coordinator.json(coordinator.send("GET", "/api/v1/deploys", null, null));
        assertThat(listed.path("deploys")).hasSize(2);
        assertThat(listed.path("deploys").get(0).path("link").asText()).isEqualTo("https://ci.example.test/runs/42");
    }

    @Test
    @DisplayName("a deploy before an incident gets its burn attributed, on the API and the SLO page with a marker on its charts")
    void attributesTheBurn() throws Exception {
        Instant at = IngestApiTest.NOW.minus(Duration.ofHours(2));
        post(failures(at, 20));
        assertThat(fleet("deploy", "mark", "--version", "2026.11.3", "--slo", SLO, "--at", at.toString(), "--by", "alice",
                "--coordinator", coordinator.url(""), "--token-file", token().toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("MARKED  2026.11.3 at 2026-11-28T10:00:00Z by alice for " + SLO);
        coordinator.server.slos().evaluate();

        JsonNode deploys = coordinator.json(coordinator.send("GET", "/api/v1/deploys?slo=" + SLO, null, null)).path("deploys");
        assertThat(deploys.get(0).path("impact").path("sentence").asText())
                .startsWith("2026.11.3 burned ").endsWith("of " + SLO + "'s budget in its first hour, with errors where the hour before had none");
        String page = coordinator.send("GET", "/slos/" + SLO, null, null).body();
        assertThat(page).contains("Releases in the window", "2026.11.3 burned ", "stroke=\"#8250df\"", "Where the budget went",
                "release 2026.11.3");
        JsonNode ledger = coordinator.json(coordinator.send("GET", "/api/v1/slos/" + SLO + "/budget", null, null));
        assertThat(ledger.path("causes").get(0).path("name").asText()).isEqualTo("release 2026.11.3");
        assertThat(ledger.path("causes").get(0).path("bad").asLong()).isEqualTo(20);
        assertThat(ledger.path("by_step").get(0).path("name").asText()).isEqualTo("pay");
    }

    @Test
    @DisplayName("estimate reads past releases; gate --estimate blocks (3) when a p90 release would freeze a budget the policy still releases on")
    void estimateAndGate() throws Exception {
        for (int day = 2; day <= 6; day += 2) {
            post(failures(IngestApiTest.NOW.minus(Duration.ofDays(day)), 180));
            assertThat(fleet("deploy", "mark", "--version", "2026.11." + day, "--slo", SLO, "--at",
                    IngestApiTest.NOW.minus(Duration.ofDays(day)).toString(), "--coordinator", coordinator.url(""),
                    "--token-file", token().toString())).as(err.toString()).isZero();
        }
        coordinator.server.slos().evaluate();

        assertThat(fleet("estimate", SLO, "--coordinator", coordinator.url(""))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("The last 3 releases of " + SLO + " showed", "budget spent, first day");
        assertThat(fleet("gate", SLO, "--coordinator", coordinator.url(""))).as(out.toString()).isZero();
        assertThat(fleet("gate", SLO, "--estimate", "--coordinator", coordinator.url(""))).as(out.toString()).isEqualTo(3);
        assertThat(out.toString()).contains("ALLOWED  " + SLO + ": WARNING", "errors in the first hour after error-free hours",
                "BLOCKED  " + SLO + ": WARNING, but a p90 release would make it CRITICAL");
        assertThat(coordinator.json(coordinator.send("GET", "/api/v1/slos/" + SLO + "/estimate", null, null)).path("p90_blocks").asBoolean())
                .isTrue();
    }

    @Test
    @DisplayName("pr-review labels a change to services/payment/ for checkout and exits 3 once checkout's budget policy blocks releases")
    void prReview() throws Exception {
        Path changed = Files.writeString(folder.resolve("changed.txt"), "services/payment/x.java\nREADME.md\n");
        post(IngestApiTest.healthy(30));
        coordinator.server.slos().evaluate();
        assertThat(fleet("pr-review", "--changed-files", changed.toString(), "--coordinator", coordinator.url(""))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Labels: `slo-impact:" + SLO + "`", "**Latency budget awareness**", "`services/payment/x.java`");

        post(IngestApiTest.exhaustingOutage());
        coordinator.server.slos().evaluate();
        out.getBuffer().setLength(0);
        assertThat(fleet("pr-review", "--changed-files", changed.toString(), "--json", "--coordinator", coordinator.url(""))).isEqualTo(3);
        JsonNode review = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(review.path("labels").toString()).isEqualTo("[\"slo-impact:" + SLO + "\"]");
        assertThat(review.path("touched").get(0).path("state").asText()).isEqualTo("EXHAUSTED");
        assertThat(review.path("checklist")).hasSize(3);
    }

    private Path token() throws Exception {
        return Files.writeString(folder.resolve("deploy.token"), TestCoordinator.DEPLOY_TOKEN);
    }

    private void post(List<Outcome> outcomes) throws Exception {
        assertThat(coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(outcomes)).statusCode())
                .isEqualTo(200);
    }

    /** {@code count} failed checkouts from eu-west in the first hour after {@code at}, one every 15 seconds. */
    static List<Outcome> failures(Instant at, int count) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            outcomes.add(IngestApiTest.outcome("eu-west-1", "eu-west", at.plusSeconds(15L * i), OutcomeStatus.FAILURE));
        }
        return outcomes;
    }
}
