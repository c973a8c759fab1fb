package org.probefleet.prober.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.probefleet.wire.outcome.Outcome;

class OutboxTest {

    @TempDir
    Path folder;

    static List<UUID> ids(List<Outbox.Entry> entries) {
        return entries.stream().map(entry -> entry.outcome().runId()).toList();
    }

    @Test
    @DisplayName("outcomes come out in order, acknowledged ones never again, and a restart resumes where delivery stopped")
    void ordersAndResumes() {
        List<UUID> written = new ArrayList<>();
        try (Outbox outbox = new Outbox(folder, 1L << 30)) {
            for (int i = 0; i < 250; i++) {
                Outcome outcome = Outcomes.one();
                outbox.append(outcome);
                written.add(outcome.runId());
            }
            List<Outbox.Entry> first = outbox.peek(100);
            assertThat(ids(first)).isEqualTo(written.subList(0, 100));
            outbox.acknowledge(first);
            assertThat(outbox.pending()).isEqualTo(150);
        }
        try (Outbox reopened = new Outbox(folder, 1L << 30)) {
            assertThat(reopened.pending()).isEqualTo(150);
            assertThat(ids(reopened.peek(1000))).isEqualTo(written.subList(100, 250));
        }
    }

    @Test
    @DisplayName("a corrupt record is quarantined and the rest are delivered")
    void quarantinesCorruptRecords() throws Exception {
        List<UUID> written = new ArrayList<>();
        try (Outbox outbox = new Outbox(folder, 1L << 30)) {
            for (int i = 0; i < 3; i++) {
                Outcome outcome = Outcomes.one();
                outbox.append(outcome);
                written.add(outcome.runId());
            }
        }
        Path segment = folder.resolve("segment-000000000001.log");
        List<String> lines = Files.readAllLines(segment);
        lines.set(1, lines.get(1).replace("checkout", "checkouT"));
        Files.write(segment, lines);

        try (Outbox outbox = new Outbox(folder, 1L << 30)) {
            assertThat(ids(outbox.peek(10))).containsExactly(written.get(0));
            outbox.acknowledge(outbox.peek(1));
            assertThat(ids(outbox.peek(10))).containsExactly(written.get(2));
        }
        assertThat(Files.readString(folder.resolve("quarantine.jsonl"))).contains("checkouT");
    }

    @Test
    @DisplayName("a torn last line from a crash is cut off and quarantined; appends after it stay readable")
    void repairsTornTail() throws Exception {
        Outcome first = Outcomes.one();
        try (Outbox outbox = new Outbox(folder, 1L << 30)) {
            outbox.append(first);
        }
        Files.writeString(folder.resolve("segment-000000000001.log"), "1234abcd {\"runId\":", StandardOpenOption.APPEND);
        Outcome second = Outcomes.one();
        try (Outbox outbox = new Outbox(folder, 1L << 30)) {
            outbox.append(second);
            assertThat(ids(outbox.peek(10))).containsExactly(first.runId(), second.runId());
        }
        assertThat(Files.readString(folder.resolve("quarantine.jsonl"))).contains("{\"runId\":");
    }

    @Test
    @DisplayName("a full outbox drops its oldest segment with a count instead of growing without bound")
    void bounded() {
        try (Outbox outbox = new Outbox(folder, 64 * 1024, 16 * 1024)) {
            for (int i = 0; i < 1000; i++) {
                outbox.append(Outcomes.one());
            }
            assertThat(outbox.dropped()).isPositive();
            assertThat(outbox.pending() + outbox.dropped()).isEqualTo(1000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an empty file                 | ''                 | ''",
            "garbage                       | garbage            | garbage",
            "one number (a torn write)     | '3'                | 3",
            "control characters            | '\u0001\u0002x'    | ??x"})
    @DisplayName("an unreadable delivered position is repaired with a warning and delivery restarts at the oldest segment on disk")
    void repairsUnreadablePosition(String description, String content, String logged) throws Exception {
        List<UUID> written = new ArrayList<>();
        try (Outbox outbox = new Outbox(folder, 1L << 30, 16 * 1024)) {
            for (int i = 0; i < 200; i++) {
                Outcome outcome = Outcomes.one();
                outbox.append(outcome);
                written.add(outcome.runId());
            }
            outbox.acknowledge(outbox.peek(150));
        }
        Path delivered = folder.resolve("delivered");
        long oldest;
        try (var segments = Files.list(folder)) {
            oldest = segments.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("segment-"))
                    .mapToLong(name -> Long.parseLong(name.substring(8, 20))).min().orElseThrow();
        }
        assertThat(oldest).as("acknowledging deleted the delivered segments").isGreaterThan(1);
        Files.writeString(delivered, content);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        List<UUID> resent;
        try (Outbox outbox = new Outbox(folder, 1L << 30, 16 * 1024)) {
            resent = ids(outbox.peek(1000));
        } finally {
            System.setErr(stderr);
        }

        assertThat(resent).endsWith(written.subList(150, 200).toArray(UUID[]::new));
        assertThat(resent.get(0)).as("the first line of the oldest segment").isIn(written.subList(0, 150));
        assertThat(Files.readString(delivered)).isEqualTo(oldest + " 0\n");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("WARN", "outbox position file " + delivered
                + " was unreadable ('" + logged + "'); re-sending from the start of the oldest segment; the coordinator drops duplicates");
    }

    @Test
    @DisplayName("kill -9 of a process recording outcomes loses nothing it had recorded")
    void survivesKill() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OutboxWriter.class.getName(),
                folder.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<UUID> recorded = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (recorded.size() < 500 && (line = reader.readLine()) != null) {
                recorded.add(UUID.fromString(line));
            }
            writer.destroyForcibly().waitFor();
        }
        try (Outbox outbox = new Outbox(folder, 1L << 30)) {
            Set<UUID> found = new HashSet<>(ids(outbox.peek(1_000_000)));
            assertThat(recorded).hasSize(500);
            assertThat(found).containsAll(recorded);
        }
    }
}
