package org.probefleet.journeys.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Mode;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet check DIR}: validates every definition, lists the valid ones and every problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate every journey, SLO and policy file under DIR.",
                "Lists each valid definition, then each problem as file:line:column: message.",
                "Exit status: 0 when all files are valid, 1 when any has a problem."})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "folder of definition files (*.yaml, *.yml)")
    Path folder;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = DefinitionLoader.loadFolder(folder);
        if (java.nio.file.Files.isDirectory(folder)) {
            print(result.definitions(), out);
        }
        result.problems().forEach(problem -> err.println(problem));
        err.flush();
        Definitions definitions = result.definitions();
        out.printf("%d %s, %d %s, %d %s; %d %s%n",
                definitions.journeys().size(), plural(definitions.journeys().size(), "journey"),
                definitions.slos().size(), plural(definitions.slos().size(), "SLO"),
                definitions.policies().size(), plural(definitions.policies().size(), "policy"),
                result.problems().size(), plural(result.problems().size(), "error"));
        out.flush();
        return result.ok() ? 0 : 1;
    }

    static void print(Definitions definitions, PrintWriter out) {
        for (Journey journey : definitions.journeys()) {
            String regions = journey.regions().isEmpty() ? "all regions" : String.join(", ", journey.regions());
            out.printf("journey  %-26s %-7s %-26s %s%s%n", journey.id(), journey.kind().name().toLowerCase(),
                    journey.schedule().describe(), regions, journey.mode() == Mode.SHADOW ? "  [shadow]" : "");
        }
        for (Slo slo : definitions.slos()) {
            String latency = slo.indicator().latencyThreshold().map(d -> " within " + Durations.format(d)).orElse("");
            String measures = slo.indicator() instanceof RatioIndicator ? "ratio of two Prometheus queries"
                    : slo.indicator() instanceof RumIndicator rum ? "real users' " + rum.journey() + " beacons"
                    : "journey " + slo.indicator().subject();
            out.printf("slo      %-26s %s%s, target %s over %s, policy %s%n", slo.name(), measures, latency, Ratios.percent(slo.target()), Durations.format(slo.window()),
                    slo.policy());
        }
        for (Policy policy : definitions.policies()) {
            out.printf("policy   %-26s %s%n", policy.name(), describe(policy));
        }
    }

    private static String describe(Policy policy) {
        List<String> states = policy.states().stream()
                .map(state -> state.name() + " from " + Ratios.percent(state.from()) + " (" + state.releases().name().toLowerCase() + ")")
                .toList();
        return states.stream().collect(Collectors.joining(" · "));
    }

    private static String plural(int count, String word) {
        if (count == 1) {
            return word;
        }
        boolean consonantY = word.endsWith("y") && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0;
        return consonantY ? word.substring(0, word.length() - 1) + "ies" : word + "s";
    }
}
