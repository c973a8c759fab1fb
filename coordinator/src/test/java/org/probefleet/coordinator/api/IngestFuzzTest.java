package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Property: whatever a mutated batch looks like, ingest answers below 500 with JSON (an error or
 * the counts), never a stack trace, and stores nothing of a batch it refuses.
 */
class IngestFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Past this, the remaining tries pass without a request: a slow machine runs fewer tries, never a longer build. */
    static final Duration BUDGET = Duration.ofSeconds(15);
    static final List<String> FIELDS = List.of("runId", "journey", "journeyVersion", "region", "agent", "startedAt", "durationMs",
            "status", "attempts", "failedStep", "error", "steps", "artifacts");

    /** One change to a batch's bytes, named for the report of a failing try. */
    record Mutation(String name, UnaryOperator<byte[]> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    Path folder;
    TestCoordinator coordinator;
    long started;

    @BeforeProperty
    void start() throws Exception {
        folder = Files.createTempDirectory("ingest-fuzz");
        coordinator = new TestCoordinator(folder, new TestClock(IngestApiTest.NOW));
        started = System.nanoTime();
    }

    @AfterProperty
    void stop() throws Exception {
        coordinator.close();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Property(tries = 200)
    void mutatedBatchesAreAnsweredInJsonAndRefusedOnesStoreNothing(@ForAll("mutations") List<Mutation> mutations,
                                                                   @ForAll("sizes") int size) throws Exception {
        if (System.nanoTime() - started > BUDGET.toNanos()) {
            return;
        }
        List<UUID> runIds = new ArrayList<>();
        ArrayNode batch = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            ObjectNode outcome = OutcomeJson.write(IngestApiTest.outcome("eu-west-1", "eu-west", IngestApiTest.NOW.minusSeconds(60L + i),
                    i % 2 == 0 ? OutcomeStatus.SUCCESS : OutcomeStatus.FAILURE));
            runIds.add(UUID.fromString(outcome.get("runId").asText()));
            outcome.putArray("steps").addObject().put("name", "open").put("durationMs", 10).put("status", "success");
            batch.add(outcome);
        }
        byte[] body = batch.toString().getBytes(StandardCharsets.UTF_8);
        for (Mutation mutation : mutations) {
            body = mutation.change().apply(body);
        }

        HttpResponse<String> response = coordinator.client.send(HttpRequest.newBuilder(URI.create(coordinator.url("/api/v1/outcomes")))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TestCoordinator.EU_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "\n");
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() == 200) {
            assertThat(answer.path("accepted").isIntegralNumber() && answer.path("duplicates").isIntegralNumber()).as(response.body()).isTrue();
            return;
        }
        assertThat(answer.path("error").isTextual()).as(response.body()).isTrue();
        for (UUID runId : runIds) {
            assertThat(coordinator.send("GET", "/api/v1/outcomes/" + runId, null, null).statusCode()).as("stored from a refused batch: " + runId)
                    .isEqualTo(404);
        }
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(1, 3);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.oneOf(dropField(), duplicateField(), renameField(), wrongType(), oddString(), truncate(), trailingGarbage(),
                randomBytes(), nesting()).list().ofMinSize(1).ofMaxSize(3);
    }

    Arbitrary<Mutation> dropField() {
        return Combinators.combine(indexes(), Arbitraries.of(FIELDS)).as((at, field) -> new Mutation("drop " + field,
                tree(at, (outcome) -> outcome.remove(field))));
    }

    Arbitrary<Mutation> renameField() {
        return Combinators.combine(indexes(), Arbitraries.of(FIELDS), names()).as((at, field, name) -> new Mutation("rename " + field + " to " + name,
                tree(at, outcome -> {
                    JsonNode value = outcome.remove(field);
                    if (value != null) {
                        outcome.set(name, value);
                    }
                })));
    }

    Arbitrary<Mutation> duplicateField() {
        return Combinators.combine(Arbitraries.of(FIELDS), values()).as((field, value) -> new Mutation("duplicate " + field + " = " + value,
                bytes -> insertAfterFirst(bytes, (byte) '{', "\"" + field + "\":" + value + ",")));
    }

    Arbitrary<Mutation> wrongType() {
        return Combinators.combine(indexes(), Arbitraries.of(FIELDS), values()).as((at, field, value) -> new Mutation(field + " = " + value,
                tree(at, outcome -> outcome.set(field, parse(value)))));
    }

    Arbitrary<Mutation> oddString() {
        Arbitrary<String> odd = Arbitraries.oneOf(Arbitraries.of("x\\ud800y", "\\udc00", "\\ud83d\\ude00", "\\u0000", "tab\\there",
                        "\u00e9\u4e2d\ud83d\ude00", "' OR 1=1 --", "<script>", "%s%n", "..\\/..\\/etc"),
                Arbitraries.strings().all().ofMaxLength(40).map(IngestFuzzTest::escape),
                Arbitraries.strings().withChars('a', '-').ofMinLength(100).ofMaxLength(5000));
        return Combinators.combine(indexes(), Arbitraries.of(FIELDS), odd).as((at, field, text) -> new Mutation(field + " = \"" + text + "\"",
                tree(at, outcome -> outcome.set(field, parse("\"" + text + "\"")))));
    }

    Arbitrary<Mutation> truncate() {
        return Arbitraries.integers().between(0, 10_000).map(cut -> new Mutation("truncate at " + cut,
                bytes -> java.util.Arrays.copyOf(bytes, Math.min(bytes.length, cut % Math.max(1, bytes.length)))));
    }

    Arbitrary<Mutation> trailingGarbage() {
        return Arbitraries.of("garbage", "]]]", "[]", "{}", " 1", "\u0000", "[{\"runId\":1}]", "//", ",").map(tail -> new Mutation("append " + tail,
                bytes -> concat(bytes, tail.getBytes(StandardCharsets.UTF_8))));
    }

    Arbitrary<Mutation> randomBytes() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as((at, inserted) -> new Mutation("insert " + java.util.Arrays.toString(inserted) + " at " + at, bytes -> {
                    int position = at % (bytes.length + 1);
                    return concat(concat(java.util.Arrays.copyOf(bytes, position), inserted),
                            java.util.Arrays.copyOfRange(bytes, position, bytes.length));
                }));
    }

    Arbitrary<Mutation> nesting() {
        return Combinators.combine(indexes(), Arbitraries.of(FIELDS), Arbitraries.integers().between(1, 3000)).as((at, field, depth) ->
                new Mutation(field + " nested " + depth + " deep", bytes -> {
                    byte[] marker = ("\"" + field + "\":").getBytes(StandardCharsets.UTF_8);
                    return insertAfterFirst(bytes, marker, "[".repeat(depth) + "1" + "]".repeat(depth) + ",\"x" + depth + "\":");
                }));
    }

    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 2);
    }

    Arbitrary<String> names() {
        return Arbitraries.oneOf(Arbitraries.of("", "RunId", "journey ", "status\\u0000", "__proto__", "steps"),
                Arbitraries.strings().alpha().ofMaxLength(12));
    }

    /** JSON values of every type, and numbers no field can hold. */
    Arbitrary<String> values() {
        return Arbitraries.of("null", "true", "0", "-1", "1.5", "1e400", "-1e-400", "99999999999999999999999999999",
                "\"" + "9".repeat(999) + "\"", "[]", "{}", "[1,2]", "{\"a\":{}}", "\"\"", "\"checkout\"", "\"2026-11-28T11:59:00Z\"",
                "\"success\"", "9".repeat(900));
    }

    /** Changes outcome {@code at} (modulo the batch size) of the parsed batch; bytes that no longer parse stay as they are. */
    static UnaryOperator<byte[]> tree(int at, java.util.function.Consumer<ObjectNode> change) {
        return bytes -> {
            try {
                JsonNode batch = JSON.readTree(bytes);
                if (batch != null && batch.isArray() && !batch.isEmpty() && batch.get(at % batch.size()) instanceof ObjectNode outcome) {
                    change.accept(outcome);
                    return batch.toString().getBytes(StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                // an earlier mutation broke the syntax: nothing to change at the tree level
            }
            return bytes;
        };
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a generator produced invalid JSON: " + json, e);
        }
    }

    /** Java text as the inside of a JSON string, with every non-ASCII or control character as a backslash-u escape. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c < 0x20 || c > 0x7e || c == '"' || c == '\\' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return escaped.toString();
    }

    static byte[] insertAfterFirst(byte[] bytes, byte marker, String text) {
        return insertAfterFirst(bytes, new byte[] {marker}, text);
    }

    static byte[] insertAfterFirst(byte[] bytes, byte[] marker, String text) {
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                int end = i + marker.length;
                return concat(concat(java.util.Arrays.copyOf(bytes, end), text.getBytes(StandardCharsets.UTF_8)),
                        java.util.Arrays.copyOfRange(bytes, end, bytes.length));
            }
        }
        return bytes;
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
