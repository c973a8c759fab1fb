package org.probefleet.coordinator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the coordinator jar: the engine's commands. */
@Command(name = "fleet", mixinStandardHelpOptions = true, version = "Probefleet 0.1.0",
        description = "Probefleet coordinator and SLO tools.",
        subcommands = {CoordinatorCommand.class, ReplayCommand.class, GateCommand.class, ApplyCommand.class, RulesCommand.class,
                ExportCommand.class, ReportCommand.class, DeployCommand.class, EstimateCommand.class, PrReviewCommand.class})
public final class CoordinatorCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new CoordinatorCli()).execute(args));
    }
}
