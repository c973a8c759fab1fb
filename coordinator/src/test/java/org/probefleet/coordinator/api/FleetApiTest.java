package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.fleet.Assignments;
import org.probefleet.wire.outcome.OutcomeJson;

class FleetApiTest {

    @TempDir
    Path folder;
    TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
    TestCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, clock);
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    List<String> journeysOf(String agent, String token) throws Exception {
        JsonNode body = coordinator.json(coordinator.send("GET", "/api/v1/agents/" + agent + "/assignments", token, null));
        List<String> journeys = new ArrayList<>();
        body.get("journeys").forEach(journey -> journeys.add(journey.asText()));
        return journeys;
    }

    void beat(String token) throws Exception {
        assertThat(coordinator.send("POST", "/api/v1/agents/heartbeat", token,
                "{\"version\":\"0.1.0\",\"capacity\":2,\"selfCheck\":\"ok\",\"outboxDepth\":0}").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("two agents of one region share its journeys; when one stops, the other takes them within the heartbeat timeout")
    void journeysMoveWhenAnAgentDies() throws Exception {
        beat(TestCoordinator.EU_TOKEN);
        beat(TestCoordinator.EU2_TOKEN);

        List<String> first = journeysOf("eu-west-1", TestCoordinator.EU_TOKEN);
        List<String> second = journeysOf("eu-west-2", TestCoordinator.EU2_TOKEN);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(all).containsExactlyInAnyOrder("catalog-api", "checkout", "login", "search");
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();

        // eu-west-1 stops; eu-west-2 keeps beating. Just inside the 30s timeout nothing moves; just past it all do.
        clock.advance(Duration.ofSeconds(20));
        beat(TestCoordinator.EU2_TOKEN);
        clock.advance(Duration.ofSeconds(10));
        assertThat(journeysOf("eu-west-2", TestCoordinator.EU2_TOKEN)).isEqualTo(second);
        clock.advance(Duration.ofSeconds(1));
        assertThat(journeysOf("eu-west-2", TestCoordinator.EU2_TOKEN)).containsExactlyInAnyOrder("catalog-api", "checkout", "login", "search");

        JsonNode agents = coordinator.json(coordinator.send("GET", "/api/v1/agents", null, null)).get("agents");
        assertThat(agents).extracting(agent -> agent.get("agent").asText() + "=" + agent.get("up").asBoolean())
                .containsExactly("eu-west-1=false", "eu-west-2=true");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(coordinator.send("GET", "/metrics", null, null).body())
                        .contains("probefleet_agent_up{agent=\"eu-west-1\",region=\"eu-west\"} 0.0")
                        .contains("probefleet_agent_up{agent=\"eu-west-2\",region=\"eu-west\"} 1.0"));
    }

    @Test
    @DisplayName("what agents report in heartbeats (self-check, schedule lag, missed runs, outbox) shows in the API and on the dashboard")
    void agentStatus() throws Exception {
        assertThat(coordinator.send("POST", "/api/v1/agents/heartbeat", TestCoordinator.EU_TOKEN,
                "{\"version\":\"0.1.0\",\"capacity\":2,\"selfCheck\":\"failing\",\"outboxDepth\":17,\"scheduleLagMs\":3400,"
                        + "\"missedRuns\":5}").statusCode()).isEqualTo(200);
        beat(TestCoordinator.US_TOKEN);

        JsonNode agents = coordinator.json(coordinator.send("GET", "/api/v1/agents", null, null)).get("agents");
        assertThat(agents).extracting(agent -> agent.get("agent").asText() + " " + agent.get("self_check").asText() + " lag "
                        + agent.get("schedule_lag_ms").asLong() + " missed " + agent.get("missed_runs").asLong() + " outbox "
                        + agent.get("outbox_depth").asLong())
                .containsExactly("eu-west-1 failing lag 3400 missed 5 outbox 17", "us-east-1 ok lag 0 missed 0 outbox 0");
        assertThat(coordinator.send("GET", "/", null, null).body())
                .contains("<th>Schedule lag</th>")
                .contains("<td class=\"bad\">failing</td><td><span class=\"bad\">3.4 s</span> <span class=\"muted\">· 5 missed</span></td><td>17</td>")
                .contains("<td class=\"ok\">ok</td><td>0 ms</td><td>0</td>");
    }

    @Test
    @DisplayName("assignments carry the definition files and an ETag; an unchanged poll is 304")
    void etag() throws Exception {
        HttpResponse<String> first = coordinator.send("GET", "/api/v1/agents/us-east-1/assignments", TestCoordinator.US_TOKEN, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        var again = coordinator.client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(coordinator.url("/api/v1/agents/us-east-1/assignments")))
                .header("Authorization", "Bearer " + TestCoordinator.US_TOKEN).header("If-None-Match", etag).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(coordinator.json(first).get("files")).hasSizeGreaterThan(4);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(coordinator.send("GET", "/api/v1/agents/eu-west-1/assignments", TestCoordinator.US_TOKEN, null).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("an agent that holds the files of the version in force gets its journeys without them; of another version, with them")
    void filesOncePerVersion() throws Exception {
        JsonNode first = coordinator.json(coordinator.send("GET", "/api/v1/agents/us-east-1/assignments", TestCoordinator.US_TOKEN, null));
        String version = first.get("definitions_version").asText();

        JsonNode holding = coordinator.json(coordinator.send("GET", "/api/v1/agents/us-east-1/assignments?definitions=" + version,
                TestCoordinator.US_TOKEN, null));
        JsonNode stale = coordinator.json(coordinator.send("GET", "/api/v1/agents/us-east-1/assignments?definitions=older",
                TestCoordinator.US_TOKEN, null));

        assertThat(holding.get("files")).isEmpty();
        assertThat(holding.get("journeys")).isEqualTo(first.get("journeys"));
        assertThat(holding.get("definitions_version").asText()).isEqualTo(version);
        assertThat(stale.get("files")).isEqualTo(first.get("files"));
    }

    @Test
    @DisplayName("pushed definitions are validated with check's messages; valid ones replace the running set")
    void pushDefinitions() throws Exception {
        String broken = "{\"files\":[{\"name\":\"a.yaml\",\"content\":\"journey: a\\nshedule: 1m\\nsteps: [ {goto: /} ]\\n\"}]}";
        HttpResponse<String> refused = coordinator.send("PUT", "/api/v1/journeys", TestCoordinator.ADMIN_TOKEN, broken);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(refused).get("problems").get(0).asText()).isEqualTo("a.yaml:2:1: unknown key 'shedule' (did you mean 'schedule'?)");
        assertThat(coordinator.send("PUT", "/api/v1/journeys", TestCoordinator.EU_TOKEN, broken).statusCode()).isEqualTo(403);

        String checkout = Files.readString(Path.of("../journeys/examples/checkout.yaml"));
        String slo = Files.readString(Path.of("../journeys/examples/checkout-slo.yaml")).replace("policy: payment-service", "policy: default");
        var body = JsonNodeFactory.instance.objectNode();
        var files = body.putArray("files");
        files.addObject().put("name", "checkout.yaml").put("content", checkout);
        files.addObject().put("name", "checkout-slo.yaml").put("content", slo);
        HttpResponse<String> applied = coordinator.send("PUT", "/api/v1/journeys", TestCoordinator.ADMIN_TOKEN, body.toString());

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(coordinator.json(applied).get("journeys").asInt()).isEqualTo(1);
        beat(TestCoordinator.US_TOKEN);
        assertThat(journeysOf("us-east-1", TestCoordinator.US_TOKEN)).containsExactly("checkout");
        coordinator.server.slos().evaluate();
        assertThat(coordinator.json(coordinator.send("GET", "/api/v1/slos", null, null)).get("slos")).hasSize(1);
    }

    @Test
    @DisplayName("rendezvous hashing moves only the departed agent's journeys")
    void rendezvous() {
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            journeys.add("journey-" + i);
        }
        var three = Assignments.assign(journeys, List.of("a", "b", "c"));
        var two = Assignments.assign(journeys, List.of("a", "b"));

        assertThat(three.values()).allSatisfy(assigned -> assertThat(assigned.size()).isBetween(45, 90));
        assertThat(two.get("a")).containsAll(three.get("a"));
        assertThat(two.get("b")).containsAll(three.get("b"));
    }
}
