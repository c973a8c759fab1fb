package org.probefleet.bench.coordinator;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench slo}: the SLO engine's heap and evaluation time at scale against a bucket-by-bucket baseline. */
@Command(name = "slo", mixinStandardHelpOptions = true,
        description = "heap and full-evaluation time for SLOS × 5 regions of 30-day series, against adding "
                + "the same buckets one by one.")
public final class SloCommand implements Callable<Integer> {

    @Option(names = "--slos", defaultValue = "1000", description = "SLOs, each over 5 regions (default: ${DEFAULT-VALUE})")
    int slos;

    @Option(names = "--passes", defaultValue = "30", description = "measured evaluations, after as many warm-up ones (default: ${DEFAULT-VALUE})")
    int passes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        new SloBench(slos, passes).run(spec.commandLine().getOut());
        return 0;
    }
}
