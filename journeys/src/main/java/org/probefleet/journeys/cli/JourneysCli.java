package org.probefleet.journeys.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the journeys tool: commands that need only the definition language. */
@Command(name = "fleet", mixinStandardHelpOptions = true, version = "Probefleet 0.1.0",
        description = "Probefleet definition tools.",
        subcommands = {CheckCommand.class})
public final class JourneysCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new JourneysCli()).execute(args));
    }
}
