package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/** {@code ./fleet gate} and {@code ./fleet apply} against a running coordinator. */
class CommandLineTest extends CoordinatorCliFixture {

    @Test
    @DisplayName("gate exits 0 after healthy outcomes and 3 after an all-region outage exhausts the budget")
    void gate() throws Exception {
        coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(IngestApiTest.healthy(30)));
        coordinator.server.slos().evaluate();
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", coordinator.url(""))).isZero();
        assertThat(out.toString()).startsWith("ALLOWED  checkout-journey-success: FULL");

        coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(IngestApiTest.exhaustingOutage()));
        coordinator.server.slos().evaluate();

        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", coordinator.url(""))).isEqualTo(3);
        assertThat(out.toString()).contains("BLOCKED  checkout-journey-success: EXHAUSTED", "  - All releases require VP Engineering approval");
        assertThat(fleet("gate", "no-such-slo", "--coordinator", coordinator.url(""))).isEqualTo(2);
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", "http://127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("gate: unknown: no SLO named 'no-such-slo'", "gate: unknown: cannot connect to the coordinator");
    }

    @Test
    @DisplayName("apply pushes a valid folder with the admin token and refuses an invalid one before sending it")
    void apply() throws Exception {
        Path token = folder.resolve("admin.token");
        Files.writeString(token, TestCoordinator.ADMIN_TOKEN + "\n");
        Path broken = Files.createDirectories(folder.resolve("broken"));
        Files.writeString(broken.resolve("a.yaml"), "journey: a\nretries: x\nsteps: [ {goto: /} ]\n");

        assertThat(fleet("apply", "../journeys/examples", "--coordinator", coordinator.url(""), "--token-file", token.toString())).isZero();
        assertThat(out.toString()).contains("4 journeys, 6 SLOs, 2 policies");
        assertThat(fleet("apply", broken.toString(), "--coordinator", coordinator.url(""), "--token-file", token.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(broken.resolve("a.yaml") + ":2:10: 'retries' must be a whole number, not 'x'");
        Files.writeString(token, "wrong-token-0123456789abcdef");
        assertThat(fleet("apply", "../journeys/examples", "--coordinator", coordinator.url(""), "--token-file", token.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("apply: refused (401)");
    }


    @Test
    @DisplayName("report writes the quarter's review as Markdown and HTML from the coordinator's outcomes; a bad quarter is refused")
    void report() throws Exception {
        List<Outcome> outcomes = new ArrayList<>(IngestApiTest.healthy(20));
        outcomes.add(IngestApiTest.outcome("eu-west-1", "eu-west", IngestApiTest.NOW.minusSeconds(5), OutcomeStatus.FAILURE));
        coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(outcomes));
        Path reports = folder.resolve("reports");

        int exit = fleet("report", "--quarter", "2026Q4", "--coordinator", coordinator.url(""), "--out", reports.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(reports.resolve("slo-review-2026Q4.md"))).startsWith("# SLO review 2026Q4")
                .contains("## checkout-journey-success", "| pay | eu-west | 1 |");
        assertThat(Files.readString(reports.resolve("slo-review-2026Q4.html"))).contains("<h2 id=\"checkout-journey-success\">");
        assertThat(fleet("report", "--quarter", "Q4-2026", "--coordinator", coordinator.url(""))).isEqualTo(2);
        assertThat(err.toString()).contains("report: --quarter 'Q4-2026' must look like 2026Q4");
        assertThat(coordinator.send("GET", "/api/v1/report?quarter=nope", null, null).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("an admin override opens a blocked gate until it expires or is cleared; each step is in the audit log and on the dashboard")
    void gateOverride() throws Exception {
        coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(IngestApiTest.exhaustingOutage()));
        coordinator.server.slos().evaluate();
        Path admin = Files.writeString(folder.resolve("admin.token"), TestCoordinator.ADMIN_TOKEN);
        String url = coordinator.url("");

        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url, "--override", "allow", "--token-file", admin.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("reason: say why", "by: who sets it", "expires: a time after now");
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url, "--override", "allow", "--reason", "hotfix INC-1234",
                "--by", "alice", "--expires", "2h", "--token-file", admin.toString())).isZero();
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url)).isZero();
        assertThat(out.toString()).contains("OVERRIDE  checkout-journey-success: releases allowed until 2026-11-28T14:00:00Z",
                "ALLOWED  checkout-journey-success: EXHAUSTED", "overridden by alice until 2026-11-28T14:00:00Z (hotfix INC-1234)");
        assertThat(coordinator.send("GET", "/", null, null).body()).contains("gate override: releases allowed", "hotfix INC-1234");

        clock.advance(java.time.Duration.ofHours(2));
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url)).isEqualTo(3);
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url, "--override", "allow", "--reason", "again", "--by", "bob",
                "--expires", "1h", "--token-file", admin.toString())).isZero();
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url, "--clear-override", "--by", "bob",
                "--token-file", admin.toString())).isZero();
        assertThat(fleet("gate", "checkout-journey-success", "--coordinator", url)).isEqualTo(3);

        var audit = coordinator.json(coordinator.send("GET", "/api/v1/audit", null, null)).get("entries");
        assertThat(audit).extracting(entry -> entry.get("action").asText() + " " + entry.get("by").asText())
                .containsExactly("cleared bob", "override bob", "expired alice", "override alice");
        assertThat(coordinator.send("PUT", "/api/v1/slos/checkout-journey-success/gate/override", null,
                "{\"allowed\": true, \"reason\": \"x\", \"by\": \"eve\", \"expires\": \"1h\"}").statusCode()).isEqualTo(401);
    }
}
