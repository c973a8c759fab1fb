package org.probefleet.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the fleet benchmark reads from a coordinator's log: its evaluations (a debug line each) and whether it leads. */
final class CoordinatorLog {

    /** One evaluation: the SLOs, the member's role, the whole evaluation and the engine's part, in milliseconds. */
    record Evaluation(int slos, String role, long totalMs, long engineMs) {
    }

    private static final Pattern EVALUATED = Pattern.compile("evaluated (\\d+) SLOs as (\\w+) in (\\d+) ms: engine (\\d+) ms");
    private static final String LEADS = "leads the group";
    private static final String NO_LONGER = "no longer leads the group";

    private final Path file;

    CoordinatorLog(Path file) {
        this.file = file;
    }

    List<String> lines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** Every evaluation in the log from line {@code from} on. */
    List<Evaluation> evaluations(int from) throws IOException {
        List<Evaluation> evaluations = new ArrayList<>();
        List<String> lines = lines();
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
            Matcher matcher = EVALUATED.matcher(line);
            if (matcher.find()) {
                evaluations.add(new Evaluation(Integer.parseInt(matcher.group(1)), matcher.group(2), Long.parseLong(matcher.group(3)),
                        Long.parseLong(matcher.group(4))));
            }
        }
        return evaluations;
    }

    /** Whether the last word of the log on the lead is that this member took it. */
    boolean leads() throws IOException {
        boolean leads = false;
        for (String line : lines()) {
            if (line.contains(NO_LONGER)) {
                leads = false;
            } else if (line.contains(LEADS)) {
                leads = true;
            }
        }
        return leads;
    }
}
