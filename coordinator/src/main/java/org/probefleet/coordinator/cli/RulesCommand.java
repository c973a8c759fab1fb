package org.probefleet.coordinator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.probefleet.coordinator.rules.PrometheusRules;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Definitions;
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

    @Option(names = "--sloth-compatible", description = "also write Sloth's labels (sloth_id, sloth_service, sloth_slo) and "
            + "meta recordings (slo:objective:ratio, slo:current_burn_rate:ratio, ...), so Sloth's Grafana dashboards work")
    boolean slothCompatible;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return write(spec, "rules", folder, output, definitions -> PrometheusRules.render(definitions, slothCompatible));
    }

    /** Loads DIR and writes what {@code render} makes of it to {@code output} or standard output; 1 on definition problems. */
    static int write(CommandSpec spec, String command, Path folder, Path output, Function<Definitions, String> render) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = DefinitionLoader.loadFolder(folder);
        if (!loaded.ok()) {
            loaded.problems().forEach(problem -> err.println(problem.under(folder)));
            err.println(command + ": fix the definitions above first (./fleet check " + folder + ")");
            err.flush();
            return 1;
        }
        String text = render.apply(loaded.definitions());
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            err.println(command + ": wrote " + output + " (" + loaded.definitions().slos().size() + " SLOs)");
            err.flush();
        }
        return 0;
    }
}
