package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** PagerDuty's published Events API v2 event shape, as a check on a received body. */
final class EventsApiV2 {

    static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    static final Set<String> EVENT_FIELDS = Set.of("routing_key", "event_action", "dedup_key", "payload", "images", "links", "client", "client_url");
    static final Set<String> PAYLOAD_FIELDS = Set.of("summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details");

    private EventsApiV2() {
    }

    static void check(JsonNode event) {
        assertThat(event.isObject()).as("an event is a JSON object").isTrue();
        assertThat(fields(event)).as("event fields").isSubsetOf(EVENT_FIELDS);
        assertThat(event.path("routing_key").asText()).as("routing_key: a 32-character integration key").hasSize(32);
        assertThat(event.path("event_action").asText()).as("event_action").isIn(ACTIONS);
        assertThat(event.path("dedup_key").isTextual()).as("dedup_key is sent so resolve finds the incident").isTrue();
        assertThat(event.path("dedup_key").asText().length()).as("dedup_key length").isBetween(1, 255);
        if (!event.path("event_action").asText().equals("trigger")) {
            return;
        }
        JsonNode payload = event.path("payload");
        assertThat(fields(payload)).as("payload fields").isSubsetOf(PAYLOAD_FIELDS);
        assertThat(payload.path("summary").asText().length()).as("payload.summary length").isBetween(1, 1024);
        assertThat(payload.path("source").asText()).as("payload.source").isNotBlank();
        assertThat(payload.path("severity").asText()).as("payload.severity").isIn(SEVERITIES);
        if (payload.has("timestamp")) {
            Instant.parse(payload.path("timestamp").asText());
        }
        if (payload.has("custom_details")) {
            assertThat(payload.path("custom_details").isObject()).isTrue();
        }
        for (JsonNode link : event.path("links")) {
            assertThat(link.path("href").asText()).as("links[].href").startsWith("http");
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
