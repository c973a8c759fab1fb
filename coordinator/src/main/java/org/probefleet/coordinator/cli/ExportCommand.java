package org.probefleet.coordinator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.rules.OpenSlo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet export --openslo DIR}: our SLOs as OpenSLO v1 documents, for tools that read them. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the SLOs under DIR in another tool's format.",
                "--openslo: OpenSLO v1 (Service, SLO with a Prometheus ratio indicator, AlertCondition,",
                "AlertPolicy and AlertNotificationTarget documents)."})
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--openslo", required = true, description = "OpenSLO v1 documents (the only format so far)")
    boolean openSlo;

    @Parameters(index = "0", paramLabel = "DIR", description = "definitions folder")
    Path folder;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return RulesCommand.write(spec, "export", folder, output, OpenSlo::render);
    }
}
