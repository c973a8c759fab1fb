package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** Slack's incoming-webhook message shape (text plus Block Kit blocks), as a check on a received body. */
final class SlackShape {

    static final Set<String> BLOCK_TYPES = Set.of("section", "context", "header", "divider", "actions");
    static final Set<String> TEXT_TYPES = Set.of("mrkdwn", "plain_text");

    private SlackShape() {
    }

    static void check(JsonNode message) {
        assertThat(message.path("text").asText()).as("text, shown in notifications").isNotBlank();
        JsonNode blocks = message.path("blocks");
        assertThat(blocks.isArray()).as("blocks is an array").isTrue();
        assertThat(blocks.size()).as("number of blocks").isBetween(1, 50);
        for (JsonNode block : blocks) {
            assertThat(block.path("type").asText()).as("block type").isIn(BLOCK_TYPES);
            if (block.has("text")) {
                text(block.path("text"), 3000);
            }
            for (JsonNode field : block.path("fields")) {
                text(field, 2000);
            }
            assertThat(block.path("fields").size()).as("fields per section").isLessThanOrEqualTo(10);
            for (JsonNode element : block.path("elements")) {
                text(element, 3000);
            }
        }
    }

    private static void text(JsonNode text, int limit) {
        assertThat(text.path("type").asText()).as("text object type").isIn(TEXT_TYPES);
        assertThat(text.path("text").asText().length()).as("text length").isBetween(1, limit);
    }
}
