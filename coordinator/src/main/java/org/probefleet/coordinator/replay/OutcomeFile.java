package org.probefleet.coordinator.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;

/** A JSON-lines file of outcomes, one per line; every bad line is reported as {@code file:line: problem}. */
public record OutcomeFile(List<Outcome> outcomes, List<String> problems) {

    public static OutcomeFile read(Path file) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
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
                OutcomeJson.readText(line, "", lineProblems).ifPresent(outcomes::add);
                lineProblems.forEach(problem -> problems.add(where + problem));
            }
        }
        return new OutcomeFile(outcomes, problems);
    }
}
