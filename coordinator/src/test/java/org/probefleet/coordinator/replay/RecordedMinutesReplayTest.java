package org.probefleet.coordinator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.cli.CoordinatorCli;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import picocli.CommandLine;

/**
 * Ratio and rum SLOs replayed from recorded minutes, on hand-worked numbers. From 10:00 to 11:59:
 * the ratio (99%, 30d, quorum 2) has 100 events a minute in eu-west and us-east, all good but 20
 * a minute in us-east from 11:00; the rum SLO (90%) has 10 a minute in region {@code all}, 8 good.
 */
class RecordedMinutesReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant TEN = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant NOON = TEN.plus(Duration.ofHours(2));

    static final String RATIO = """
            slo:
              name: shop-ratio
              indicator:
                type: ratio
                numerator: sum by (region) (rate(purchase_completed_total[5m]))
                denominator: sum by (region) (rate(checkout_started_total[5m]))
              target: 0.99
            """;
    static final String RUM = "slo:\n  name: checkout-real-users\n  indicator: { type: rum, journey: checkout }\n  target: 0.9\n";

    static Path definitions(Path folder) throws Exception {
        Files.writeString(folder.resolve("shop-ratio.yaml"), RATIO);
        Files.writeString(folder.resolve("checkout-real-users.yaml"), RUM);
        return folder;
    }

    static String minute(String slo, Instant start, String region, long good, long total) {
        return "{\"slo\": \"" + slo + "\", \"minute\": \"" + start + "\", \"region\": \"" + region + "\", \"good\": " + good
                + ", \"total\": " + total + "}";
    }

    /** The two hours as lines of a replay file, with one outcome of a journey no SLO here measures. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int m = 0; m < 120; m++) {
            Instant start = TEN.plus(Duration.ofMinutes(m));
            lines.add(minute("shop-ratio", start, "eu-west", 100, 100));
            lines.add(minute("shop-ratio", start, "us-east", m < 60 ? 100 : 80, 100));
            lines.add("{\"slo\": \"checkout-real-users\", \"minute\": \"" + start + "\", \"good\": 8, \"total\": 10}");
        }
        return lines;
    }

    static List<JsonNode> replay(Path folder) throws Exception {
        Path file = folder.resolve("recorded.jsonl");
        Files.write(file, lines());
        OutcomeFile recorded = OutcomeFile.read(file);
        assertThat(recorded.problems()).isEmpty();
        LoadResult loaded = DefinitionLoader.loadFolder(definitions(Files.createDirectories(folder.resolve("definitions"))));
        assertThat(loaded.problems()).isEmpty();
        List<JsonNode> lines = new ArrayList<>();
        new Replay(loaded.definitions()).run(recorded.outcomes(), recorded.minutes(), new Replay.Settings(Optional.empty(),
                Optional.empty(), Duration.ofMinutes(1), Optional.empty()), (ObjectNode line) -> lines.add(line));
        return lines;
    }

    static JsonNode summary(List<JsonNode> lines, String slo, String region) {
        return lines.stream().filter(line -> line.get("type").asText().equals("summary") && line.get("slo").asText().equals(slo)
                && line.get("region").asText().equals(region)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a ratio's recorded minutes replay to the hand-worked SLI, budget and burn per region and globally, at the last minute's end")
    void ratioSummaries(@TempDir Path folder) throws Exception {
        List<JsonNode> lines = replay(folder);

        assertThat(lines.stream().filter(line -> line.get("type").asText().equals("summary") && line.get("slo").asText().equals("shop-ratio")))
                .extracting(line -> line.get("region").asText()).containsExactly("global", "eu-west", "us-east");
        JsonNode global = summary(lines, "shop-ratio", "global");
        assertThat(global.get("at").asText()).isEqualTo(NOON.toString());
        // 24,000 events, 1,200 bad: SLI 95%, 1,200 / (24,000 × 1%) = 500% of the budget.
        assertThat(global.get("sli").asDouble()).isCloseTo(0.95, within(1e-9));
        assertThat(global.get("consumed").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(global.get("budget_basis").asText()).isEqualTo("observed");
        // The last hour globally: 1,200 bad of 12,000 = 10%, a 10× burn; us-east alone 20%, 20×.
        assertThat(global.get("burn").get("1h").asDouble()).isCloseTo(10.0, within(1e-9));
        JsonNode usEast = summary(lines, "shop-ratio", "us-east");
        assertThat(usEast.get("consumed").asDouble()).isCloseTo(10.0, within(1e-9));
        assertThat(usEast.get("burn").get("1h").asDouble()).isCloseTo(20.0, within(1e-9));
        assertThat(summary(lines, "shop-ratio", "eu-west").get("consumed").asDouble()).isZero();
    }

    @Test
    @DisplayName("one region of a ratio burning is a ticket for that region, never a global alert: the quorum of 2 applies as for journeys")
    void ratioQuorum(@TempDir Path folder) throws Exception {
        List<JsonNode> firing = replay(folder).stream().filter(line -> line.get("type").asText().equals("alert_firing")
                && line.get("slo").asText().equals("shop-ratio")).toList();

        // From 11:00 us-east loses 20 of 100 a minute: after k bad minutes the 3d∧6h pair reads 20k / (6,000 + 100k),
        // over 1% (1×) from k = 4, so at 11:04, with the 2 bad events it needs in the short window long since.
        assertThat(firing).extracting(line -> line.get("region").asText() + " " + line.get("severity").asText() + " " + line.get("at").asText())
                .containsExactly("us-east ticket 2026-11-01T11:04:00Z");
    }

    @Test
    @DisplayName("a rum SLO's recorded minutes replay in region all: 240 bad of 1,200 against a 10% budget is 200% consumed")
    void rumSummaries(@TempDir Path folder) throws Exception {
        List<JsonNode> lines = replay(folder);

        JsonNode global = summary(lines, "checkout-real-users", "global");
        assertThat(global.get("sli").asDouble()).isCloseTo(0.8, within(1e-9));
        assertThat(global.get("consumed").asDouble()).isCloseTo(2.0, within(1e-9));
        assertThat(summary(lines, "checkout-real-users", "all").get("consumed").asDouble()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    @DisplayName("./fleet replay takes recorded minutes beside outcomes and says how many it read")
    void command(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("recorded.jsonl");
        Files.write(file, lines());
        Path definitions = definitions(Files.createDirectories(folder.resolve("definitions")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new CoordinatorCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        assertThat(command.execute("replay", file.toString(), "--definitions", definitions.toString())).isZero();

        assertThat(err.toString()).contains("replay: 0 outcomes, 360 recorded minutes, 120 steps of 1m");
        JsonNode global = out.toString().lines().map(RecordedMinutesReplayTest::json).filter(line -> line.get("type").asText().equals("summary")
                && line.get("slo").asText().equals("shop-ratio") && line.get("region").asText().equals("global")).findFirst().orElseThrow();
        assertThat(global.get("consumed").asDouble()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    @DisplayName("a bad recorded minute is reported field by field with its line, and nothing is replayed")
    void badMinute(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bad.jsonl");
        Files.writeString(file, minute("shop-ratio", TEN, "eu-west", 100, 100) + "\n"
                + "{\"slo\": \"shop-ratio\", \"minute\": \"2026-11-01T10:00:30Z\", \"good\": 5, \"total\": 3, \"rate\": 1}\n"
                + "{\"slo\": \"Shop\", \"minute\": \"yesterday\", \"good\": -1, \"total\": 2.5}\n");

        OutcomeFile read = OutcomeFile.read(file);

        assertThat(read.minutes()).hasSize(1);
        assertThat(read.problems()).containsExactly(
                file + ":2: rate: unknown field (a recorded minute has slo, minute, region, good, total)",
                file + ":2: minute: 2026-11-01T10:00:30Z is not the start of a minute (seconds :00)",
                file + ":2: good: 5 is more than total 3",
                file + ":3: slo: must be a name of lower-case letters, digits and dashes, not \"Shop\"",
                file + ":3: minute: must be an ISO-8601 instant like 2026-11-01T10:04:00Z, not \"yesterday\"",
                file + ":3: good: must be a whole number of events, 0 or more, not -1",
                file + ":3: total: must be a whole number of events, 0 or more, not 2.5");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
