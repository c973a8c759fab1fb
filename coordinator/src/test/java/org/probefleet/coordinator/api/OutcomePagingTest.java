package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Paging the drill-down list: outcomes that started at the same instant are each listed once. */
class OutcomePagingTest {

    static final Instant NOW = IngestApiTest.NOW;

    @TempDir
    Path folder;
    TestCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, new TestClock(NOW));
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    @Test
    @DisplayName("five outcomes of one instant, two a page: following 'next' lists each exactly once, newest first")
    void pagesThroughOneInstant() throws Exception {
        List<Outcome> posted = new ArrayList<>();
        posted.add(IngestApiTest.outcome("eu-west-1", "eu-west", NOW.minusSeconds(5), OutcomeStatus.SUCCESS));
        for (int i = 0; i < 5; i++) {
            posted.add(IngestApiTest.outcome("eu-west-1", "eu-west", NOW.minusSeconds(30), OutcomeStatus.SUCCESS));
        }
        posted.add(IngestApiTest.outcome("eu-west-1", "eu-west", NOW.minusSeconds(90), OutcomeStatus.FAILURE));
        assertThat(coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, IngestApiTest.batch(posted)).statusCode())
                .isEqualTo(200);

        List<String> runIds = new ArrayList<>();
        List<String> startedAt = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String path = "/api/v1/outcomes?journey=checkout&limit=2" + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            JsonNode page = coordinator.json(coordinator.send("GET", path, null, null));
            page.get("outcomes").forEach(outcome -> {
                runIds.add(outcome.get("runId").asText());
                startedAt.add(outcome.get("startedAt").asText());
            });
            next = page.has("next") ? page.get("next").asText() : null;
            pages++;
        } while (next != null && pages < 10);

        assertThat(runIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted.stream().map(o -> o.runId().toString()).toList());
        assertThat(startedAt).first().isEqualTo(NOW.minusSeconds(5).toString());
        assertThat(startedAt).last().isEqualTo(NOW.minusSeconds(90).toString());
        assertThat(startedAt.subList(1, 6)).containsOnly(NOW.minusSeconds(30).toString());
        assertThat(pages).as("three full pages, then one with the last outcome").isEqualTo(4);
    }

    @Test
    @DisplayName("an 'after' that no page gave is 400, saying what to send")
    void foreignCursor() throws Exception {
        HttpResponse<String> response = coordinator.send("GET", "/api/v1/outcomes?after=2026-11-28T12:00:00Z", null, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(response).get("error").asText())
                .isEqualTo("after must be the 'next' value of a previous page, not '2026-11-28T12:00:00Z'");
    }
}
