package org.probefleet.bench.coordinator;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench ingest}: the coordinator's durable ingest against a no-op endpoint in the same run. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "durable ingest in batches of 100 against a no-op Vert.x endpoint, as fast as each answers, "
                + "then latency at a steady offered RATE.")
public final class IngestCommand implements Callable<Integer> {

    @Option(names = "--senders", defaultValue = "8", description = "concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds per target (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--rate", defaultValue = "20000", description = "outcomes a second offered in the paced run (default: ${DEFAULT-VALUE})")
    int rate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (senders < 1 || rate < IngestBench.BATCH) {
            spec.commandLine().getErr().println("bench ingest: --senders must be at least 1 and --rate at least one batch (" + IngestBench.BATCH
                    + "), not " + senders + " and " + rate);
            spec.commandLine().getErr().flush();
            return 2;
        }
        new IngestBench(senders, Duration.ofSeconds(Math.max(3, seconds / 5)), Duration.ofSeconds(seconds), rate).run(spec.commandLine().getOut());
        return 0;
    }
}
