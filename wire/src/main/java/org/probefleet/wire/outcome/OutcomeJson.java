package org.probefleet.wire.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.probefleet.journeys.model.Names;

/**
 * The wire form of outcomes. Reading checks every field and reports each bad one as
 * {@code where.field: problem}, so a rejected batch says exactly what to fix.
 */
public final class OutcomeJson {

    /** The outcome codec's own mapper: others read and write their JSON with theirs. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final Set<String> FIELDS = Set.of("runId", "journey", "journeyVersion", "region", "agent", "startedAt",
            "durationMs", "status", "attempts", "failedStep", "error", "steps", "artifacts", "trigger");
    static final long MAX_DURATION_MS = 86_400_000L;
    static final int MAX_TEXT = 4096;
    static final int MAX_STEPS = 200;
    static final int MAX_ATTEMPTS = 10;
    private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern ARTIFACT_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private OutcomeJson() {
    }

    public static ObjectNode write(Outcome outcome) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("runId", outcome.runId().toString())
                .put("journey", outcome.journey())
                .put("journeyVersion", outcome.journeyVersion())
                .put("region", outcome.region())
                .put("agent", outcome.agent())
                .put("startedAt", outcome.startedAt().toString())
                .put("durationMs", outcome.durationMs())
                .put("status", outcome.status().wireName())
                .put("attempts", outcome.attempts());
        outcome.failedStep().ifPresent(step -> json.put("failedStep", step));
        outcome.error().ifPresent(error -> json.put("error", error));
        ArrayNode steps = json.putArray("steps");
        for (StepResult step : outcome.steps()) {
            steps.addObject().put("name", step.name()).put("durationMs", step.durationMs()).put("status", step.status().wireName());
        }
        ObjectNode artifacts = json.putObject("artifacts");
        outcome.artifacts().forEach(artifacts::put);
        if (outcome.trigger() != RunTrigger.SCHEDULE) {
            json.put("trigger", outcome.trigger().wireName());
        }
        return json;
    }

    /**
     * Reads one outcome from its JSON text (a stored row, a line of a recorded file); text that is
     * not JSON is one problem like any other.
     */
    public static Optional<Outcome> readText(String json, String where, List<String> problems) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add((where.isEmpty() ? "" : where + ": ") + "not JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
        return read(node, where, problems);
    }

    /** Reads one outcome; on any problem adds each to {@code problems} and returns empty. */
    public static Optional<Outcome> read(JsonNode node, String where, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add((where.isEmpty() ? "outcome" : where) + ": must be an object with runId, journey, region, agent, startedAt, durationMs, status");
            return Optional.empty();
        }
        int before = problems.size();
        // Checked first: a value that cannot be stored as sent is neither echoed in a message nor read further.
        Surrogates.report(node, where, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(path(where, name) + ": unknown field");
            }
        }
        Fields fields = new Fields(node, where, problems);
        UUID runId = fields.uuid("runId");
        String journey = fields.id("journey");
        String journeyVersion = fields.optionalText("journeyVersion", 100).orElse("");
        String region = fields.id("region");
        String agent = fields.matching("agent", AGENT, "letters, digits, '.', '_' or '-' (at most 100)");
        Instant startedAt = fields.instant("startedAt");
        long duration = fields.whole("durationMs", 0, MAX_DURATION_MS, true);
        OutcomeStatus status = fields.status("status");
        long attempts = node.has("attempts") ? fields.whole("attempts", 1, MAX_ATTEMPTS, true) : 1;
        Optional<String> failedStep = fields.optionalText("failedStep", 200);
        Optional<String> error = fields.optionalText("error", MAX_TEXT);
        List<StepResult> steps = steps(node.get("steps"), path(where, "steps"), problems);
        Map<String, String> artifacts = artifacts(node.get("artifacts"), path(where, "artifacts"), problems);
        RunTrigger trigger = fields.optionalText("trigger", 20).map(text -> RunTrigger.fromWire(text).orElseGet(() -> {
            problems.add(path(where, "trigger") + ": must be 'schedule' or 'confirmation', not '" + text + "'");
            return RunTrigger.SCHEDULE;
        })).orElse(RunTrigger.SCHEDULE);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(runId, journey, journeyVersion, region, agent, startedAt, duration, status,
                (int) attempts, failedStep, error, steps, artifacts, trigger));
    }

    private static List<StepResult> steps(JsonNode node, String where, List<String> problems) {
        List<StepResult> steps = new ArrayList<>();
        if (node == null || node.isNull()) {
            return steps;
        }
        if (!node.isArray() || node.size() > MAX_STEPS) {
            problems.add(where + ": must be a list of at most " + MAX_STEPS + " steps");
            return steps;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode step = node.get(i);
            String at = where + "[" + i + "]";
            if (!step.isObject()) {
                problems.add(at + ": must be an object with name, durationMs, status");
                continue;
            }
            Fields fields = new Fields(step, at, problems);
            int before = problems.size();
            String name = fields.optionalText("name", 200).orElse(null);
            if (name == null && !step.has("name")) {
                problems.add(path(at, "name") + ": required");
            }
            long duration = fields.whole("durationMs", 0, MAX_DURATION_MS, true);
            OutcomeStatus status = fields.status("status");
            if (problems.size() == before) {
                steps.add(new StepResult(name, duration, status));
            }
        }
        return steps;
    }

    private static Map<String, String> artifacts(JsonNode node, String where, List<String> problems) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return artifacts;
        }
        if (!node.isObject() || node.size() > 10) {
            problems.add(where + ": must be an object like {\"screenshot\": \"id\", \"trace\": \"id\"}");
            return artifacts;
        }
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual() && ARTIFACT_ID.matcher(entry.getValue().asText()).matches()
                    && ARTIFACT_ID.matcher(entry.getKey()).matches()) {
                artifacts.put(entry.getKey(), entry.getValue().asText());
            } else {
                problems.add(path(where, entry.getKey()) + ": must be an artifact id (letters, digits, '.', '_', '-')");
            }
        });
        return artifacts;
    }

    /** {@code outcomes[3].durationMs}, or just the field name for a top-level object. */
    static String path(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    /**
     * Reads an ISO-8601 instant. Agents send the UTC form {@code Instant.toString} writes
     * ({@code 2026-11-28T10:15:30.123Z}), read here without the general parser, which costs more
     * than the rest of an outcome at ingest rates; any other form goes through {@link Instant#parse}.
     */
    static Instant parseInstant(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return Instant.parse(text);
        }
        int nanos = 0;
        for (int i = 20; i < 29; i++) {
            nanos = nanos * 10 + (i < length - 1 ? digits(text, i, i + 1) : 0);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (Math.min(Math.min(Math.min(year, month), Math.min(day, hour)), Math.min(Math.min(minute, second), nanos)) < 0
                || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(text);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Instant.parse(text);
        }
    }

    /** The number written in {@code text[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Typed reads of one object's fields, each adding a problem instead of throwing. */
    private record Fields(JsonNode node, String where, List<String> problems) {

        String text(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                problems.add(path(where, name) + ": required");
                return null;
            }
            if (!value.isTextual()) {
                problems.add(path(where, name) + ": must be a string");
                return null;
            }
            return value.asText();
        }

        Optional<String> optionalText(String name, int maxLength) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual() || value.asText().length() > maxLength) {
                problems.add(path(where, name) + ": must be a string of at most " + maxLength + " characters");
                return Optional.empty();
            }
            return Optional.of(value.asText());
        }

        String id(String name) {
            String text = text(name);
            if (text != null && Names.tooLongForId(text)) {
                problems.add(path(where, name) + ": " + text.length() + " characters; an id has at most " + Names.MAX_ID_LENGTH);
                return null;
            }
            if (text != null && !Names.isId(text)) {
                problems.add(path(where, name) + ": '" + clip(text) + "' must be lower-case letters, digits and dashes");
                return null;
            }
            return text;
        }

        String matching(String name, Pattern pattern, String expected) {
            String text = text(name);
            if (text != null && !pattern.matcher(text).matches()) {
                problems.add(path(where, name) + ": must be " + expected);
                return null;
            }
            return text;
        }

        UUID uuid(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                UUID parsed = UUID.fromString(text);
                if (parsed.toString().equalsIgnoreCase(text)) {
                    return parsed;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            problems.add(path(where, name) + ": '" + clip(text) + "' is not a UUID");
            return null;
        }

        Instant instant(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            try {
                return parseInstant(text);
            } catch (DateTimeException e) {
                problems.add(path(where, name) + ": '" + clip(text) + "' is not an ISO-8601 instant like 2026-11-28T10:15:30Z");
                return null;
            }
        }

        long whole(String name, long min, long max, boolean required) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                if (required) {
                    problems.add(path(where, name) + ": required");
                }
                return min;
            }
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max || !value.canConvertToLong()) {
                problems.add(path(where, name) + ": must be a whole number from " + min + " to " + max + ", got " + clip(value.toString()));
                return min;
            }
            return value.asLong();
        }

        OutcomeStatus status(String name) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            Optional<OutcomeStatus> status = OutcomeStatus.fromWire(text);
            if (status.isEmpty()) {
                problems.add(path(where, name) + ": '" + clip(text) + "' must be success, failure or prober_error");
                return null;
            }
            return status.get();
        }

        private static String clip(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }
}
