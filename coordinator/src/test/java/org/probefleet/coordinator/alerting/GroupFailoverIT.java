package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.api.IngestApiTest;
import org.probefleet.coordinator.api.TestClock;
import org.probefleet.coordinator.api.TestCoordinator;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.store.LocalPostgres;
import org.probefleet.wire.api.HeartbeatRequest;
import org.probefleet.wire.client.CoordinatorClient;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Two coordinators with the same config on one throwaway PostgreSQL, three agents that know both:
 * a global outage starts, the leader is stopped dead (its lease left to run out) just before its
 * page is due, and the other coordinator takes over and pages once, through a real Alertmanager
 * and a PagerDuty receiver. The SLO and the history are those of {@link AlertingIT}.
 */
class GroupFailoverIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String GATE = "/api/v1/slos/" + AlertingIT.SLO + "/gate";

    /** An agent of the test: its name, region and client of the group, the first coordinator named first. */
    record Agent(String name, String region, CoordinatorClient client) {
    }

    static LocalPostgres postgres;

    @TempDir
    Path folder;
    LocalAlertmanager alertmanager;
    HookReceiver pagerDuty;
    TestClock clock;
    AlertingConfig alerting;
    String store;
    final Set<UUID> acknowledged = new HashSet<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void receivers() throws Exception {
        alertmanager = LocalAlertmanager.start(Files.createDirectories(folder.resolve("alertmanager")));
        pagerDuty = new HookReceiver(EventsApiV2::check, n -> 202);
        alerting = new AlertingConfig(List.of(alertmanager.url()),
                Optional.of(new AlertingConfig.PagerDuty(PayloadsTest.ROUTING_KEY, pagerDuty.url("/v2/enqueue"), Set.of(Severity.PAGE))),
                List.of(), Optional.of(URI.create("http://dashboard.test:8080")), "fleet-team");
        // Behind real time, like AlertingIT, so every time Alertmanager sees is in its past.
        clock = new TestClock(Instant.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.MINUTES));
        store = postgres.freshDatabase();
    }

    @AfterEach
    void stopReceivers() throws Exception {
        pagerDuty.close();
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    TestCoordinator member(String name) throws Exception {
        return new TestCoordinator(Files.createDirectories(folder.resolve(name)), clock, store, alerting);
    }

    @Test
    @DisplayName("the leader stopped dead before its page is due: the other coordinator pages once and resolves once, nothing is lost")
    void failover() throws Exception {
        TestCoordinator first = member("first");
        boolean crashed = false;
        awaitLeading(first, true);
        try (TestCoordinator second = member("second")) {
            awaitLeading(second, false);
            String group = first.url("") + "," + second.url("");
            List<Agent> agents = List.of(agent("eu-west-1", "eu-west", TestCoordinator.EU_TOKEN, group),
                    agent("us-east-1", "us-east", TestCoordinator.US_TOKEN, group),
                    agent("ap-south-1", "ap-south", TestCoordinator.AP_TOKEN, group));
            Instant start = clock.instant();
            post(agents, start.minus(Duration.ofDays(3)), start, false);
            sameOutcomeSentToBothIsStoredOnce(first, second);
            awaitSameGate(first, second);

            // Every region fails for four minutes: the page is not due yet, and the gate agrees on both.
            advance(agents, 4, true);
            awaitSameGate(first, second);
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> pages().isEmpty()
                    && forKey(AlertingIT.GLOBAL_KEY).isEmpty());

            first.crash();
            crashed = true;
            // The agents move on to the second coordinator; the outage goes on until the page is due.
            advance(agents, 2, true);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !forKey(AlertingIT.GLOBAL_KEY).isEmpty() && !pages().isEmpty());
            awaitLeading(second, true);
            assertThat(pages()).hasSize(1).allSatisfy(page -> assertThat(page.path("labels").path("region").asText()).isEqualTo("global"));

            // Recovery past the page's 30-minute hold: one resolve.
            advance(agents, 38, false);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pages().isEmpty() && forKey(AlertingIT.GLOBAL_KEY).size() == 2);

            // The first coordinator comes back as a follower: it tells on-call nothing and gates like the leader.
            try (TestCoordinator back = member("back")) {
                awaitLeading(back, false);
                awaitSameGate(back, second);
                Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> forKey(AlertingIT.GLOBAL_KEY).size() == 2);
            }
        } finally {
            if (!crashed) {
                first.close();
            }
        }
        assertThat(pagerDuty.problems).isEmpty();
        assertThat(forKey(AlertingIT.GLOBAL_KEY)).extracting(event -> event.path("event_action").asText())
                .containsExactly("trigger", "resolve");
        assertThat(storedRunIds()).containsAll(acknowledged);
    }

    @Test
    @DisplayName("an agent's journeys are the same whichever coordinator of the group it asks, over the agents heard by either")
    void assignmentsAgree() throws Exception {
        try (TestCoordinator first = member("first"); TestCoordinator second = member("second")) {
            Agent one = agent("eu-west-1", "eu-west", TestCoordinator.EU_TOKEN, first.url(""));
            Agent two = agent("eu-west-2", "eu-west", TestCoordinator.EU2_TOKEN, second.url(""));
            one.client().heartbeat(new HeartbeatRequest("0.1.0", 2, true, 0, 0, 0));
            two.client().heartbeat(new HeartbeatRequest("0.1.0", 2, true, 0, 0, 0));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> agentsKnown(first) == 2 && agentsKnown(second) == 2);

            for (Agent agent : List.of(one, two)) {
                Agent atFirst = agent(agent.name(), agent.region(), token(agent), first.url(""));
                Agent atSecond = agent(agent.name(), agent.region(), token(agent), second.url(""));
                List<String> fromFirst = atFirst.client().assignments(agent.name(), Optional.empty()).orElseThrow().assignments().journeys();
                List<String> fromSecond = atSecond.client().assignments(agent.name(), Optional.empty()).orElseThrow().assignments().journeys();
                assertThat(fromFirst).as(agent.name()).isEqualTo(fromSecond);
            }
        }
    }

    private static String token(Agent agent) {
        return agent.name().equals("eu-west-1") ? TestCoordinator.EU_TOKEN : TestCoordinator.EU2_TOKEN;
    }

    private int agentsKnown(TestCoordinator coordinator) throws Exception {
        return JSON.readTree(coordinator.send("GET", "/api/v1/agents", null, null).body()).path("agents").size();
    }

    private void sameOutcomeSentToBothIsStoredOnce(TestCoordinator first, TestCoordinator second) throws Exception {
        Outcome outcome = IngestApiTest.outcome("eu-west-1", "eu-west", clock.instant().minusSeconds(30), OutcomeStatus.SUCCESS);
        String body = IngestApiTest.batch(List.of(outcome));
        JsonNode atFirst = JSON.readTree(first.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, body).body());
        JsonNode atSecond = JSON.readTree(second.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, body).body());
        assertThat(atFirst.path("accepted").asInt()).isEqualTo(1);
        assertThat(atSecond.path("accepted").asInt()).isZero();
        assertThat(atSecond.path("duplicates").asInt()).isEqualTo(1);
        acknowledged.add(outcome.runId());
    }

    private Agent agent(String name, String region, String token, String coordinators) {
        return new Agent(name, region, CoordinatorClient.create(coordinators, Optional.of(token)));
    }

    /** Moves the clock {@code minutes} forward with one run a minute per region, posted before each step of at most four minutes. */
    private void advance(List<Agent> agents, int minutes, boolean failing) throws Exception {
        for (int left = minutes; left > 0; left -= 4) {
            Duration step = Duration.ofMinutes(Math.min(4, left));
            post(agents, clock.instant(), clock.instant().plus(step), failing);
            clock.advance(step);
        }
    }

    /** One run a minute per agent in (from, to], each batch acknowledged by whichever coordinator answered. */
    private void post(List<Agent> agents, Instant from, Instant to, boolean failing) throws Exception {
        for (Agent agent : agents) {
            agent.client().heartbeat(new HeartbeatRequest("0.1.0", 2, true, 0, 0, 0));
            List<Outcome> batch = new ArrayList<>();
            for (Instant at = from.plus(Duration.ofMinutes(1)); !at.isAfter(to); at = at.plus(Duration.ofMinutes(1))) {
                batch.add(IngestApiTest.outcome(agent.name(), agent.region(), at, failing ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS));
                if (batch.size() == 1000) {
                    send(agent, batch);
                }
            }
            send(agent, batch);
        }
    }

    private void send(Agent agent, List<Outcome> batch) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        CoordinatorClient.Response response = agent.client().postOutcomes(batch);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        batch.forEach(outcome -> acknowledged.add(outcome.runId()));
        batch.clear();
    }

    private void awaitLeading(TestCoordinator coordinator, boolean leading) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> JSON.readTree(coordinator.send("GET", "/api/v1/group", null, null)
                .body()).path("leader").asBoolean() == leading);
    }

    /** Both answer the gate alike once each has evaluated what the other committed (an evaluation a second). */
    private void awaitSameGate(TestCoordinator one, TestCoordinator other) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var a = one.send("GET", GATE, null, null);
            var b = other.send("GET", GATE, null, null);
            return a.statusCode() == 200 && a.body().equals(b.body());
        });
    }

    private List<JsonNode> pages() throws Exception {
        return alertmanager.query("slo=" + AlertingIT.SLO, "severity=page");
    }

    private List<JsonNode> forKey(String key) {
        return pagerDuty.received.stream().filter(event -> event.path("dedup_key").asText().equals(key)).toList();
    }

    private Set<UUID> storedRunIds() {
        Set<UUID> stored = new HashSet<>();
        try (JdbcOutcomeStore reader = JdbcOutcomeStore.open(store, clock)) {
            reader.forEachSince(Instant.EPOCH, outcome -> stored.add(outcome.runId()));
        }
        return stored;
    }
}
