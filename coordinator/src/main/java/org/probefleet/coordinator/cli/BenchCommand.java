package org.probefleet.coordinator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.bench.IngestBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet bench NAME}: the coordinator's benchmarks, each with a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print a table; results go in docs/benchmarks.md.",
                "ingest: durable ingest in batches of 100 against a no-op Vert.x endpoint."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "ingest")
    String name;

    @Option(names = "--senders", defaultValue = "8", description = "concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per target (default: ${DEFAULT-VALUE})")
    int seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!name.equals("ingest")) {
            spec.commandLine().getErr().println("bench: unknown benchmark '" + name + "'; this jar has: ingest");
            spec.commandLine().getErr().flush();
            return 2;
        }
        new IngestBench(senders, Duration.ofSeconds(Math.max(3, seconds / 5)), Duration.ofSeconds(seconds)).run(out);
        return 0;
    }
}
