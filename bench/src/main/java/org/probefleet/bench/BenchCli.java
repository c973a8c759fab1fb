package org.probefleet.bench;

import org.probefleet.bench.coordinator.DetectCommand;
import org.probefleet.bench.coordinator.IngestCommand;
import org.probefleet.bench.coordinator.RumCommand;
import org.probefleet.bench.coordinator.SloCommand;
import org.probefleet.bench.fleet.FleetCommand;
import org.probefleet.bench.prober.ProberCommand;
import org.probefleet.bench.soak.SoakCommand;
import org.probefleet.wire.Conventions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the benchmark jar ({@code fleet bench NAME}): one subcommand per benchmark, none of them in the runtime jars. */
@Command(name = "fleet bench", mixinStandardHelpOptions = true, version = "Probefleet " + Conventions.VERSION,
        description = {"Run a benchmark, with its baseline measured in the same run, and print a table;",
                "results go in docs/benchmarks.md."},
        subcommands = {IngestCommand.class, DetectCommand.class, SloCommand.class, ProberCommand.class, SoakCommand.class,
                FleetCommand.class, RumCommand.class})
public final class BenchCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }
}
