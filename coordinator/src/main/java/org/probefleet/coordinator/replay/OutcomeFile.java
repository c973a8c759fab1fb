package org.probefleet.coordinator.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;

/**
 * A JSON-lines file of outcomes and recorded minutes ({@link RecordedMinute}: a line with an
 * {@code slo} field), one per line; every bad line is reported as {@code file:line: problem}.
 */
public record OutcomeFile(List<Outcome> outcomes, List<MinuteCounts> minutes, List<String> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public OutcomeFile {
        outcomes = List.copyOf(outcomes);
        minutes = List.copyOf(minutes);
        problems = List.copyOf(problems);
    }

    public static OutcomeFile read(Path file) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        List<MinuteCounts> minutes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + number + ": ";
                List<String> lineProblems = new ArrayList<>();
                JsonNode node = parse(line, lineProblems);
                if (RecordedMinute.is(node)) {
                    RecordedMinute.read(node, lineProblems).ifPresent(minutes::add);
                } else if (node != null) {
                    OutcomeJson.read(node, "", lineProblems).ifPresent(outcomes::add);
                }
                lineProblems.forEach(problem -> problems.add(where + problem));
            }
        }
        return new OutcomeFile(outcomes, minutes, problems);
    }

    private static JsonNode parse(String line, List<String> problems) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add("not JSON: " + e.getOriginalMessage());
            return null;
        }
    }
}
