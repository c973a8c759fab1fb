package org.probefleet.bench.coordinator;

import java.util.concurrent.Callable;
import org.probefleet.bench.detect.LiveDetectBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fleet bench detect}: time to page for simulated outages, the coordinator's engine and
 * alert book on a virtual clock; with {@code --live}, real agents, coordinator, shop and Alertmanager.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"time from an outage's onset to the page (full outages) and no page (one region), "
                + "the coordinator's engine and alert book on a virtual clock.",
                "--live: the demo shop's chaos, a coordinator, three real agents on 1-minute schedules and a real Alertmanager",
                "(on the PATH): --trials full outages (must page), one-region outages (must not page) and single blips (must raise",
                "nothing), side by side; about 15 minutes for 10. Exit 1 when a trial raised what it must not or a full outage never paged."})
public final class DetectCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "10", description = "outages of each kind (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "20261128", description = "seed of the simulated timings (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--live", description = "play the trials on a live fleet on loopback instead of the model")
    boolean live;

    @Option(names = "--trials", defaultValue = "10", description = "with --live: trials of each kind (default: ${DEFAULT-VALUE})")
    int trials;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (live) {
            if (trials < 1) {
                spec.commandLine().getErr().println("bench detect: --trials must be at least 1, not " + trials);
                spec.commandLine().getErr().flush();
                return 2;
            }
            return new LiveDetectBench(trials).run(spec.commandLine().getOut()).passed() ? 0 : 1;
        }
        new DetectBench(runs, seed).run(spec.commandLine().getOut());
        return 0;
    }
}
