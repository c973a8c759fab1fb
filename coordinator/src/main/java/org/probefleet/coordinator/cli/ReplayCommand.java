package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.replay.OutcomeFile;
import org.probefleet.coordinator.replay.Replay;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet replay}: backtests SLOs and policies over recorded outcomes. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Run the SLO engine over recorded outcomes on their own timestamps.",
                "Evaluates at every --step from the first outcome (or --from) to the",
                "last (or --to); prints one JSON object a line: each alert_firing,",
                "alert_resolved, state_change and threshold_crossed, then a summary per",
                "SLO for \"global\" and each region at the last step. Windows: (t - w, t]."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTCOMES.jsonl", description = {"outcomes, one JSON object a line (the ingest format), and for",
            "ratio and rum SLOs recorded minutes: {\"slo\", \"minute\", \"region\", \"good\", \"total\"}"})
    Path outcomesFile;

    @Option(names = "--definitions", required = true, paramLabel = "DIR", description = "journeys, SLOs and policies")
    Path definitionsFolder;

    @Option(names = "--from", paramLabel = "T", description = "first evaluation (ISO-8601, e.g. 2026-11-01T00:00:00Z)")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "last evaluation (ISO-8601)")
    String to;

    @Option(names = "--step", defaultValue = "1m", paramLabel = "DURATION", description = "time between evaluations (default: ${DEFAULT-VALUE})")
    String step;

    @Option(names = "--target", paramLabel = "RATIO", description = "what-if: evaluate every SLO with this target, e.g. 0.999")
    Double target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> stepDuration = Durations.parse(step).filter(d -> !d.isZero());
        if (stepDuration.isEmpty()) {
            return usage(err, "--step '" + step + "' must be a positive duration like 30s, 1m or 5m");
        }
        if (target != null && !(target > 0 && target < 1)) {
            return usage(err, "--target " + target + " must be between 0 and 1 (exclusive), like 0.999");
        }
        Optional<Instant> fromInstant;
        Optional<Instant> toInstant;
        try {
            fromInstant = Optional.ofNullable(from).map(Instant::parse);
            toInstant = Optional.ofNullable(to).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return usage(err, "--from/--to must be ISO-8601 instants like 2026-11-01T00:00:00Z: " + e.getParsedString());
        }
        LoadResult definitions = DefinitionLoader.loadFolder(definitionsFolder);
        if (!definitions.ok()) {
            definitions.problems().forEach(err::println);
            err.println("replay: fix the definitions above first (./fleet check " + definitionsFolder + ")");
            err.flush();
            return 1;
        }
        if (!Files.isRegularFile(outcomesFile)) {
            return usage(err, "no such file: " + outcomesFile);
        }
        OutcomeFile outcomes = OutcomeFile.read(outcomesFile);
        if (!outcomes.problems().isEmpty()) {
            outcomes.problems().stream().limit(50).forEach(err::println);
            err.println("replay: " + outcomes.problems().size() + " problem(s) in " + outcomesFile + "; nothing replayed");
            err.flush();
            return 1;
        }
        if (outcomes.outcomes().isEmpty() && outcomes.minutes().isEmpty() && (fromInstant.isEmpty() || toInstant.isEmpty())) {
            return usage(err, outcomesFile + " has no outcomes: give --from and --to to replay an empty period");
        }
        PrintWriter out = spec.commandLine().getOut();
        long steps = new Replay(definitions.definitions()).run(outcomes.outcomes(), outcomes.minutes(),
                new Replay.Settings(fromInstant, toInstant, stepDuration.get(), Optional.ofNullable(target)),
                (ObjectNode line) -> out.println(line.toString()));
        out.flush();
        err.println("replay: " + outcomes.outcomes().size() + " outcomes, "
                + (outcomes.minutes().isEmpty() ? "" : outcomes.minutes().size() + " recorded minutes, ") + steps + " steps of " + Durations.format(stepDuration.get()));
        err.flush();
        return 0;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("replay: " + message);
        err.flush();
        return 2;
    }

}
