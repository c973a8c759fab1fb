package org.probefleet.prober.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.prober.kinds.JourneyKinds;
import org.probefleet.prober.run.Attempts;
import org.probefleet.prober.run.Evidence;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.Runners;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.run.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet run FILE}: one run now, with a step timeline: the authoring loop. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one journey now and print its step timeline.",
                "On failure: the failing step, what it expected, the error, and the paths of the",
                "screenshot and Playwright trace. Exit 0 on success, 1 on failure, 2 on a prober error."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "a journey file")
    Path file;

    @Option(names = "--base-url", paramLabel = "URL", description = "run against this base URL instead of the journey's")
    String baseUrl;

    @Option(names = "--region", defaultValue = "local", description = "region sent in X-Probefleet-Region (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--artifacts", paramLabel = "DIR", defaultValue = "probefleet-artifacts",
            description = "where screenshots and traces go (default: ${DEFAULT-VALUE})")
    Path artifacts;

    @Option(names = "--json", description = "print the outcome as JSON instead of a timeline")
    boolean json;

    @Mixin
    RunnerOptions runner;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!runner.installClasspath(spec.commandLine().getErr(), "run")) {
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded = DefinitionLoader.loadFile(file);
        if (!loaded.ok()) {
            loaded.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        List<Journey> journeys = loaded.definitions().journeys();
        if (journeys.size() != 1) {
            err.println("run: " + file + " holds no journey: give a journey file (one with a top-level journey: key)");
            err.flush();
            return 1;
        }
        Journey journey = journeys.get(0);
        Secrets secrets = runner.secrets();
        RunContext context = new RunContext(region, "local", Optional.ofNullable(baseUrl), secrets, artifacts, Evidence.TRACE);
        Attempts.Report report;
        try (Runners runners = JourneyKinds.registry(runner.browser(), Clock.systemUTC()).open()) {
            report = Attempts.run(runners.forJourney(journey), journey, context, Runners.version(journey));
        }
        if (json) {
            ObjectNode outcome = OutcomeJson.write(report.outcome());
            ObjectNode files = outcome.putObject("artifactPaths");
            report.attempts().forEach(attempt -> attempt.artifacts().forEach((kind, path) -> files.put(path.getFileName().toString(), path.toString())));
            out.println(outcome.toPrettyString());
            out.flush();
        } else {
            String target = Optional.ofNullable(baseUrl).or(journey::baseUrl).orElse("no base URL");
            new Timeline(out, colour()).print(journey, secrets.mask(target), report.attempts());
        }
        return switch (report.last().status()) {
            case SUCCESS -> 0;
            case FAILURE -> 1;
            case PROBER_ERROR -> 2;
        };
    }

    private static boolean colour() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null && term != null && !term.equals("dumb");
    }
}
