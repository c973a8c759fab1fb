package org.probefleet.bench.fleet;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench fleet}: a simulated fleet against two coordinators in a group on PostgreSQL; exit 1 when a target is missed. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"simulated agents (real HTTP: a heartbeat and an assignments poll every 10 s, one outcome a minute per",
                "journey and region they are assigned) against two coordinators in a group on a throwaway PostgreSQL cluster",
                "of the local binaries. Prints ingest headroom, evaluation time, memory per coordinator, the rebalance after",
                "100 agents die and the leader's failover. Exit 0 when every target is met, 1 otherwise."})
public final class FleetCommand implements Callable<Integer> {

    @Option(names = "--agents", defaultValue = "200", description = "simulated agents, spread over 3 regions (default: ${DEFAULT-VALUE})")
    int agents;

    @Option(names = "--journeys", defaultValue = "2000", description = "journeys, each with an SLO, run in every region (default: ${DEFAULT-VALUE})")
    int journeys;

    @Option(names = "--minutes", defaultValue = "2", description = "minutes of steady load before the disturbing measurements (default: ${DEFAULT-VALUE})")
    int minutes;

    @Option(names = "--push-seconds", defaultValue = "30", description = "how long the group is pushed for its maximum (default: ${DEFAULT-VALUE})")
    int pushSeconds;

    // The JVM grows its heap toward -Xmx and needs some 400 MiB besides: 1280m keeps a coordinator within 2 GiB of memory.
    @Option(names = "--heap", defaultValue = "1280m", description = "each coordinator's -Xmx (default: ${DEFAULT-VALUE})")
    String heap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FleetBench.Settings settings = new FleetBench.Settings(agents, journeys, Duration.ofMinutes(minutes), Duration.ofSeconds(pushSeconds), heap);
        Optional<String> problem = settings.problem();
        if (problem.isPresent()) {
            spec.commandLine().getErr().println("bench fleet: " + problem.get());
            spec.commandLine().getErr().flush();
            return 2;
        }
        return new FleetBench(settings).run(spec.commandLine().getOut()).passed() ? 0 : 1;
    }
}
