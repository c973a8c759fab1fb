package org.probefleet.prober.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.prober.bench.ProberBench;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.browser.ChromiumLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet bench prober}: the agent's throughput, schedule lag and memory against a running demo shop. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the agent's benchmark against a demo shop (./fleet bench prober starts one) and print tables;",
                "results go in docs/benchmarks.md."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "prober")
    String name;

    @Option(names = "--base-url", required = true, paramLabel = "URL", description = "the demo shop, e.g. http://127.0.0.1:8089")
    String baseUrl;

    @Option(names = "--minutes", defaultValue = "10", description = "minutes of scheduled load per kind (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--browser-journeys", defaultValue = "60", description = "checkouts scheduled once a minute (default: ${DEFAULT-VALUE}; 0 skips)")
    int browserJourneys;

    @Option(names = "--http-journeys", defaultValue = "3000", description = "three-step HTTP journeys once a minute (default: ${DEFAULT-VALUE}; 0 skips)")
    int httpJourneys;

    @Option(names = "--browser-slots", description = "browser runs at once (default: the number of cores)")
    Integer browserSlots;

    @Option(names = "--loop-runs", defaultValue = "30", description = "checkouts in the runner-against-bare-Playwright comparison (default: ${DEFAULT-VALUE})")
    int loopRuns;

    @Option(names = "--chromium", paramLabel = "PATH", description = "the Chromium to drive (default: PROBEFLEET_CHROMIUM or chromium on the PATH)")
    String chromium;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!name.equals("prober")) {
            err.println("bench: unknown benchmark '" + name + "'; this jar has: prober");
            err.flush();
            return 2;
        }
        BrowserSettings browser = BrowserSettings.defaults(Optional.ofNullable(chromium));
        if (browser.executable().isEmpty()) {
            err.println("bench: " + ChromiumLocator.INSTALL_HINT);
            err.flush();
            return 2;
        }
        int slots = browserSlots != null ? browserSlots : Runtime.getRuntime().availableProcessors();
        new ProberBench(new ProberBench.Settings(baseUrl.replaceAll("/+$", ""), browserJourneys, httpJourneys,
                Duration.ofMillis(Math.round(minutes * 60_000)), slots, loopRuns, browser)).run(spec.commandLine().getOut());
        return 0;
    }
}
