package org.probefleet.bench.prober;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.browser.ChromiumLocator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet bench prober}: the agent's throughput, schedule lag and memory against a running demo shop. */
@Command(name = "prober", mixinStandardHelpOptions = true,
        description = "the agent's runner against bare Playwright loops (Java, and Node when node resolves playwright-core), "
                + "then scheduled browser and HTTP load with throughput, skipped runs, schedule lag and memory, against a demo shop "
                + "(fleet bench prober starts one).")
public final class ProberCommand implements Callable<Integer> {

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
        BrowserSettings browser = BrowserSettings.defaults(Optional.ofNullable(chromium));
        if (browser.executable().isEmpty()) {
            err.println("bench prober: " + ChromiumLocator.INSTALL_HINT);
            err.flush();
            return 2;
        }
        int slots = browserSlots != null ? browserSlots : Runtime.getRuntime().availableProcessors();
        new ProberBench(new ProberBench.Settings(baseUrl.replaceAll("/+$", ""), browserJourneys, httpJourneys,
                Duration.ofMillis(Math.round(minutes * 60_000)), slots, loopRuns, browser)).run(spec.commandLine().getOut());
        return 0;
    }
}
