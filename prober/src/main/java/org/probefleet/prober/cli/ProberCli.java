package org.probefleet.prober.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the agent jar: the authoring loop and the agent itself. */
@Command(name = "fleet", mixinStandardHelpOptions = true, version = "Probefleet 0.1.0",
        description = "Probefleet agent commands.", subcommands = {RunCommand.class, ProberCommand.class, VisitorsCommand.class})
public final class ProberCli {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run") && System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // The timeline is the output of a run; the agent's log lines would only interleave with it.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new CommandLine(new ProberCli()).execute(args));
    }
}
