package org.probefleet.bench.coordinator;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench rum}: probe outcome ingest alone and under a flood of real-user beacons. */
@Command(name = "rum", mixinStandardHelpOptions = true,
        description = "probe outcomes at a steady rate, alone and while beacons are offered at --beacons a second; "
                + "prints beacons accepted and refused and the outcome batches' latency in both runs.")
public final class RumCommand implements Callable<Integer> {

    @Option(names = "--beacons", defaultValue = "10000", description = "beacons a second offered in the flood (default: ${DEFAULT-VALUE})")
    int beacons;

    @Option(names = "--outcomes", defaultValue = "1000", description = "probe outcomes a second, in batches of 100 (default: ${DEFAULT-VALUE})")
    int outcomes;

    @Option(names = "--seconds", defaultValue = "20", description = "measured seconds per run (default: ${DEFAULT-VALUE})")
    int seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (beacons < 100 || outcomes < IngestBench.BATCH || seconds < 1) {
            spec.commandLine().getErr().println("bench rum: --beacons must be at least 100, --outcomes at least " + IngestBench.BATCH
                    + " and --seconds at least 1");
            spec.commandLine().getErr().flush();
            return 2;
        }
        new RumBench(beacons, outcomes, Duration.ofSeconds(seconds)).run(spec.commandLine().getOut());
        return 0;
    }
}
