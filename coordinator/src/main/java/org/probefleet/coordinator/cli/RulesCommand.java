package org.probefleet.coordinator.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.rules.PrometheusRules;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet rules DIR}: Prometheus recording and alerting rules for the SLOs under DIR. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Write Prometheus rules computing the SLOs' error ratios and burn-rate alerts",
                "from probefleet_journey_runs_total (check them with promtool check rules)."})
public final class RulesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "definitions folder")
    Path folder;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here instead of standard output")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = DefinitionLoader.loadFolder(folder);
        if (!loaded.ok()) {
            loaded.problems().forEach(err::println);
            err.println("rules: fix the definitions above first");
            err.flush();
            return 1;
        }
        String rules = PrometheusRules.render(loaded.definitions());
        if (output == null) {
            spec.commandLine().getOut().print(rules);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, rules, StandardCharsets.UTF_8);
            err.println("rules: wrote " + output + " (" + loaded.definitions().slos().size() + " SLOs)");
            err.flush();
        }
        return 0;
    }
}
