package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.api.IngestApiTest;
import org.probefleet.coordinator.api.TestClock;
import org.probefleet.coordinator.api.TestCoordinator;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Outcomes posted through the ingest API page on-call through a real Alertmanager, PagerDuty's
 * Events API v2 and webhooks. The SLO is the example checkout-journey-success (99.4%, quorum 2)
 * over three regions with three days of healthy history at one run a minute; the test clock
 * runs half an hour behind real time, so every time Alertmanager sees is in its past.
 */
class AlertingIT {

    static final String SLO = "checkout-journey-success";
    static final String GLOBAL_KEY = "probefleet/slo/" + SLO + "/global";
    static final Map<String, String> TOKENS = Map.of("eu-west", TestCoordinator.EU_TOKEN, "us-east", TestCoordinator.US_TOKEN,
            "ap-south", TestCoordinator.AP_TOKEN);
    static final Map<String, String> AGENTS = Map.of("eu-west", "eu-west-1", "us-east", "us-east-1", "ap-south", "ap-south-1");

    LocalAlertmanager alertmanager;

    @TempDir
    Path folder;
    HookReceiver pagerDuty;
    HookReceiver slack;
    HookReceiver json;
    TestClock clock;
    Instant start;
    AlertingConfig alerting;

    @AfterEach
    void stopAlertmanager() throws Exception {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    /** Each test has its own Alertmanager: alerts another test left active must not answer this one's queries. */
    @BeforeEach
    void receivers() throws Exception {
        alertmanager = LocalAlertmanager.start(Files.createDirectories(folder.resolve("alertmanager")));
        // PagerDuty is rate-limited on the first event: it must come again, once.
        pagerDuty = new HookReceiver(EventsApiV2::check, n -> n == 0 ? 429 : 202);
        slack = new HookReceiver(SlackShape::check, n -> 200);
        json = new HookReceiver(body -> assertThat(body.path("version").asText()).isEqualTo("1"), n -> 200);
        Path key = Files.writeString(folder.resolve("pd.key"), PayloadsTest.ROUTING_KEY);
        alerting = new AlertingConfig(List.of(alertmanager.url()),
                Optional.of(new AlertingConfig.PagerDuty(Files.readString(key), pagerDuty.url("/v2/enqueue"), Set.of(Severity.PAGE, Severity.TICKET))),
                List.of(new AlertingConfig.Webhook(slack.url("/slack"), Set.of(Severity.PAGE, Severity.TICKET), AlertingConfig.Webhook.Format.SLACK),
                        new AlertingConfig.Webhook(json.url("/hook"), AlertingConfig.ALL_SEVERITIES, AlertingConfig.Webhook.Format.JSON)),
                Optional.of(URI.create("http://dashboard.test:8080")), "fleet-team");
        // Far enough back that the test clock, advanced past each page's 30-minute hold, stays behind Alertmanager's real
        // time: a resolved alert's endsAt in Alertmanager's future would still read as active.
        start = Instant.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.MINUTES);
        clock = new TestClock(start);
    }

    TestCoordinator coordinator() throws Exception {
        return new TestCoordinator(folder, clock, "sqlite:" + folder.resolve("probefleet.db"), alerting);
    }

    /** One run a minute per region in (from, to], failing in the {@code failing} regions. */
    static void post(TestCoordinator coordinator, Instant from, Instant to, Set<String> failing) throws Exception {
        for (String region : TOKENS.keySet()) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Instant at = from.plus(Duration.ofMinutes(1)); !at.isAfter(to); at = at.plus(Duration.ofMinutes(1))) {
                outcomes.add(IngestApiTest.outcome(AGENTS.get(region), region, at,
                        failing.contains(region) ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS));
                if (outcomes.size() == 1000) {
                    send(coordinator, region, outcomes);
                }
            }
            send(coordinator, region, outcomes);
        }
    }

    /**
     * Moves the clock {@code minutes} forward with one run a minute per region over that time,
     * posted before each step of at most four minutes (ingest takes runs up to five minutes ahead):
     * every region's runs are in before the engine's time reaches them, so no evaluation sees half.
     */
    void advance(TestCoordinator coordinator, int minutes, Set<String> failing) throws Exception {
        for (int left = minutes; left > 0; left -= 4) {
            Duration step = Duration.ofMinutes(Math.min(4, left));
            post(coordinator, clock.instant(), clock.instant().plus(step), failing);
            clock.advance(step);
        }
    }

    private static void send(TestCoordinator coordinator, String region, List<Outcome> outcomes) throws Exception {
        if (!outcomes.isEmpty()) {
            var response = coordinator.send("POST", "/api/v1/outcomes", TOKENS.get(region), IngestApiTest.batch(outcomes));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            outcomes.clear();
        }
    }

    List<JsonNode> pages() throws Exception {
        return alertmanager.query("slo=" + SLO, "severity=page");
    }

    List<JsonNode> forKey(HookReceiver receiver, String key) {
        return receiver.received.stream().filter(event -> event.path("dedup_key").asText().equals(key)).toList();
    }

    @Test
    @DisplayName("a one-region outage pages nobody; an all-region outage pages within an evaluation; recovery resolves it")
    void pageThroughAlertmanager() throws Exception {
        try (TestCoordinator coordinator = coordinator()) {
            post(coordinator, start.minus(Duration.ofDays(3)), start, Set.of());

            // ap-south fails alone for 7 minutes: its own page condition holds, the quorum of 2 does not.
            advance(coordinator, 7, Set.of("ap-south"));
            // A no-data ticket for a region can flicker while the clock jumps ahead (left open in the notes); the burn ticket must come.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> alertmanager.query("slo=" + SLO, "region=ap-south").stream()
                    .anyMatch(alert -> alert.path("labels").path("alertname").asText().equals("ProbefleetSLORegionTicket")));
            assertThat(pages()).isEmpty();

            // Every region fails for six minutes: a global page.
            advance(coordinator, 2, TOKENS.keySet());
            assertThat(pages()).isEmpty();
            advance(coordinator, 4, TOKENS.keySet());
            long posted = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !pages().isEmpty());
            System.out.printf("page visible in amtool %d ms after the outage was posted (evaluation interval 1 s)%n",
                    (System.nanoTime() - posted) / 1_000_000);
            JsonNode page = pages().get(0);
            assertThat(page.path("labels").path("alertname").asText()).isEqualTo("ProbefleetSLOPage");
            assertThat(page.path("labels").path("owner").asText()).isEqualTo("payments-team");
            assertThat(page.path("labels").path("region").asText()).isEqualTo("global");
            assertThat(page.path("annotations").path("summary").asText()).startsWith("checkout failing from all regions: burn ");
            assertThat(page.path("annotations").path("failing_step").asText()).startsWith("step 'pay' (");
            // The page inhibits the region ticket: Alertmanager holds no ticket for this SLO, and chat heard no resolve for it.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> alertmanager.query("slo=" + SLO, "severity=ticket").isEmpty());
            assertThat(slack.received).extracting(body -> body.path("text").asText()).noneMatch(text -> text.startsWith("[RESOLVED] checkout failing"));

            // Recovery: good minutes everywhere until the page's condition is over and its 30-minute hold has passed.
            advance(coordinator, 38, Set.of());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pages().isEmpty());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> forKey(pagerDuty, GLOBAL_KEY).stream()
                    .anyMatch(event -> event.path("event_action").asText().equals("resolve")));
        }
        assertThat(pagerDuty.problems).isEmpty();
        assertThat(slack.problems).isEmpty();
        assertThat(json.problems).isEmpty();
        // PagerDuty: one incident for the global scope — triggered as critical, resolved once; the 429 was retried.
        assertThat(forKey(pagerDuty, GLOBAL_KEY)).extracting(event -> event.path("event_action").asText() + " "
                + event.path("payload").path("severity").asText("")).containsExactly("trigger critical", "resolve ");
        assertThat(pagerDuty.requests.get()).isEqualTo(pagerDuty.received.size() + 1);
        // Chat: the ticket, the page, the page's resolve; the ticket's end is folded into the page, never posted.
        // (After the page, ap-south alone still burns over 6h and 30m, so its ticket comes back.)
        List<String> chat = slack.received.stream().map(body -> body.path("text").asText().replaceAll(":.*", ""))
                .filter(text -> text.contains("checkout failing")).toList();
        assertThat(chat).startsWith("[TICKET] checkout failing from ap-south only", "[PAGE] checkout failing from all regions",
                "[RESOLVED] checkout failing from all regions").doesNotContain("[RESOLVED] checkout failing from ap-south only");
        assertThat(json.received).extracting(body -> body.path("status").asText() + " " + body.path("severity").asText())
                .contains("firing page", "resolved page");
    }

    @Test
    @DisplayName("after a restart a firing page is not re-triggered, and a page that ended while the coordinator was down is resolved")
    void restart() throws Exception {
        try (TestCoordinator coordinator = coordinator()) {
            post(coordinator, start.minus(Duration.ofDays(3)), start, Set.of());
            advance(coordinator, 6, TOKENS.keySet());
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !forKey(pagerDuty, GLOBAL_KEY).isEmpty());
        }
        int slackBefore = slack.received.size();

        try (TestCoordinator coordinator = coordinator()) {
            // Several evaluations (one a second) pass without a word to on-call.
            Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> forKey(pagerDuty, GLOBAL_KEY).size() == 1 && slack.received.size() == slackBefore);
        }

        // Down for 37 minutes with no outcome: the 5-minute window is empty and the page's 30-minute hold has passed.
        clock.advance(Duration.ofMinutes(37));
        try (TestCoordinator coordinator = coordinator()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> forKey(pagerDuty, GLOBAL_KEY).size() == 2);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pages().isEmpty());
        }
        assertThat(forKey(pagerDuty, GLOBAL_KEY)).extracting(event -> event.path("event_action").asText())
                .containsExactly("trigger", "resolve");
        assertThat(slack.received.subList(slackBefore, slack.received.size())).extracting(body -> body.path("text").asText())
                .anyMatch(text -> text.startsWith("[RESOLVED] checkout failing from all regions"));
    }
}
