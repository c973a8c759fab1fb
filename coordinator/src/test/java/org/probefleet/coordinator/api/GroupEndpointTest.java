package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/group} on a coordinator alone on its SQLite store. */
class GroupEndpointTest {

    @Test
    @DisplayName("alone on SQLite a coordinator is in no group and always leads")
    void aloneAlwaysLeads(@TempDir Path folder) throws Exception {
        try (TestCoordinator coordinator = new TestCoordinator(folder, new TestClock(Instant.parse("2026-11-28T12:00:00Z")))) {
            var response = coordinator.send("GET", "/api/v1/group", null, null);
            JsonNode body = coordinator.json(response);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body.toString()).isEqualTo("{\"mode\":\"single\",\"leader\":true}");
        }
    }
}
