package org.probefleet.bench.coordinator;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench detect}: time to page for simulated outages, the coordinator's engine and alert book on a virtual clock. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "time from an outage's onset to the page (full outages) and no page (one region), "
                + "the coordinator's engine and alert book on a virtual clock.")
public final class DetectCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "10", description = "outages of each kind (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "20261128", description = "seed of the simulated timings (default: ${DEFAULT-VALUE})")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new DetectBench(runs, seed).run(spec.commandLine().getOut());
        return 0;
    }
}
