package org.probefleet.coordinator.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.AlertTracker;
import org.probefleet.coordinator.slo.EngineMemory;
import org.probefleet.coordinator.store.SettingsJson;

/**
 * Alerting's memory across restarts: the engine's (each SLO's tracker: what fires, policy
 * state, threshold; and since when it watches) and the alert book (what on-call was told). Saved as JSON in the store after every change.
 */
public record AlertState(EngineMemory engine, List<Notification> firing, List<Notification> ended, List<Undelivered> undelivered) {

    /** The store setting it lives under. */
    public static final String SETTING = "alerting.state";

    /** A notification queued for a receiver (PagerDuty, a webhook) and not yet delivered: a new leader of a group sends it. */
    public record Undelivered(URI to, String body) {
    }

    public AlertState {
        firing = List.copyOf(firing);
        ended = List.copyOf(ended);
        undelivered = List.copyOf(undelivered);
    }

    /** State with nothing waiting for a receiver. */
    public AlertState(EngineMemory engine, List<Notification> firing, List<Notification> ended) {
        this(engine, firing, ended, List.of());
    }

    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("version", 1)
                .put("watchingSince", engine.watchingSince().toString());
        ObjectNode trackerNodes = root.putObject("trackers");
        engine.trackers().forEach((slo, memory) -> {
            ObjectNode node = trackerNodes.putObject(slo).put("state", memory.state()).put("aboveThreshold", memory.aboveThreshold());
            ArrayNode keys = node.putArray("firing");
            memory.firing().stream().map(Alert::key).sorted().forEach(keys::add);
            // When each held alert's condition last held, so a restart neither extends nor cuts its 30-minute hold.
            ObjectNode heldAt = node.putObject("heldAt");
            memory.heldAt().entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Alert::key)))
                    .forEach(held -> heldAt.put(held.getKey().key(), held.getValue().toString()));
        });
        write(root.putArray("firing"), firing);
        write(root.putArray("ended"), ended);
        ArrayNode waiting = root.putArray("undelivered");
        undelivered.forEach(one -> waiting.addObject().put("to", one.to().toString()).put("body", one.body()));
        return root.toString();
    }

    /** Reads saved state; a state this version cannot read is {@link IOException}, so the caller can say so and start fresh. */
    public static AlertState fromJson(String json) throws IOException {
        JsonNode root = SettingsJson.read(json);
        if (root == null || root.path("version").asInt() != 1) {
            throw new IOException("unknown alert state version " + (root == null ? "none" : root.path("version")));
        }
        Map<String, AlertTracker.Memory> trackers = new LinkedHashMap<>();
        try {
            root.path("trackers").fields().forEachRemaining(entry -> {
                Set<Alert> alerts = new HashSet<>();
                entry.getValue().path("firing").forEach(key -> Alert.parse(key.asText()).ifPresent(alerts::add));
                Map<Alert, Instant> heldAt = new HashMap<>();
                entry.getValue().path("heldAt").fields().forEachRemaining(held -> Alert.parse(held.getKey())
                        .ifPresent(alert -> heldAt.put(alert, Instant.parse(held.getValue().asText()))));
                trackers.put(entry.getKey(), new AlertTracker.Memory(alerts, entry.getValue().path("state").asText(),
                        entry.getValue().path("aboveThreshold").asBoolean(), heldAt));
            });
            Instant since = Instant.parse(root.path("watchingSince").asText());
            return new AlertState(new EngineMemory(trackers, since), read(root.path("firing")), read(root.path("ended")),
                    undelivered(root.path("undelivered")));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("alert state has a bad time: " + e.getParsedString(), e);
        }
    }

    /** State saved before notifications were kept until delivered has none. */
    private static List<Undelivered> undelivered(JsonNode array) throws IOException {
        List<Undelivered> waiting = new ArrayList<>();
        for (JsonNode one : array) {
            try {
                waiting.add(new Undelivered(URI.create(one.path("to").asText()), one.path("body").asText()));
            } catch (IllegalArgumentException e) {
                throw new IOException("alert state has a bad receiver address: " + e.getMessage(), e);
            }
        }
        return waiting;
    }

    private static void write(ArrayNode array, List<Notification> notifications) {
        for (Notification notification : notifications) {
            ObjectNode node = array.addObject().put("dedupKey", notification.dedupKey()).put("startsAt", notification.startsAt().toString());
            notification.endsAt().ifPresent(end -> node.put("endsAt", end.toString()));
            notification.labels().forEach(node.putObject("labels")::put);
            notification.annotations().forEach(node.putObject("annotations")::put);
        }
    }

    private static List<Notification> read(JsonNode array) throws IOException {
        List<Notification> notifications = new ArrayList<>();
        for (JsonNode node : array) {
            try {
                Optional<Instant> endsAt = node.hasNonNull("endsAt") ? Optional.of(Instant.parse(node.get("endsAt").asText())) : Optional.empty();
                notifications.add(new Notification(node.path("dedupKey").asText(), strings(node.path("labels")),
                        strings(node.path("annotations")), Instant.parse(node.path("startsAt").asText()), endsAt));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IOException("alert state has a bad time: " + e.getParsedString(), e);
            } catch (IllegalArgumentException e) {
                throw new IOException("alert state has a bad notification: " + e.getMessage(), e);
            }
        }
        return notifications;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
