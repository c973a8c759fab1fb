package org.probefleet.coordinator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.bench.DetectBench;
import org.probefleet.coordinator.bench.IngestBench;
import org.probefleet.coordinator.bench.SloBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet bench NAME}: the coordinator's benchmarks, each with a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run a benchmark and print a table; results go in docs/benchmarks.md.",
                "ingest: durable ingest in batches of 100 against a no-op Vert.x endpoint, as fast as each",
                "        answers, then latency at a steady offered RATE.",
                "detect: time from an outage's onset to the page (full outages) and no page (one region),",
                "        the coordinator's engine and alert book on a virtual clock.",
                "slo: heap and full-evaluation time for SLOS × 5 regions of 30-day series, against adding",
                "     the same buckets one by one."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "ingest, detect or slo")
    String name;

    @Option(names = "--senders", defaultValue = "8", description = "concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per target (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--rate", defaultValue = "20000",
            description = "ingest: outcomes a second offered in the paced run (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--runs", defaultValue = "10", description = "detect: outages of each kind (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "20261128", description = "detect: seed of the simulated timings (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--slos", defaultValue = "1000", description = "slo: SLOs, each over 5 regions (default: ${DEFAULT-VALUE})")
    int slos;

    @Option(names = "--passes", defaultValue = "30", description = "slo: measured evaluations, after as many warm-up ones (default: ${DEFAULT-VALUE})")
    int passes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (name) {
            case "ingest" -> {
                if (senders < 1 || rate < IngestBench.BATCH) {
                    spec.commandLine().getErr().println("bench ingest: --senders must be at least 1 and --rate at least one batch (" + IngestBench.BATCH + "), not "
                            + senders + " and " + rate);
                    spec.commandLine().getErr().flush();
                    return 2;
                }
                new IngestBench(senders, Duration.ofSeconds(Math.max(3, seconds / 5)), Duration.ofSeconds(seconds), rate).run(out);
            }
            case "detect" -> new DetectBench(runs, seed).run(out);
            case "slo" -> new SloBench(slos, passes).run(out);
            default -> {
                spec.commandLine().getErr().println("bench: unknown benchmark '" + name + "'; this jar has: ingest, detect, slo");
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
        return 0;
    }
}
