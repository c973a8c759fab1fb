package org.probefleet.prober.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.probefleet.journeys.model.Durations;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.browser.Chromium;
import org.probefleet.prober.run.ProberFault;
import org.probefleet.prober.visitors.Visitors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet visitors}: real-user traffic for the demo shop, so its beacon and business counters have users to count. */
@Command(name = "visitors", mixinStandardHelpOptions = true,
        description = {"Send a few headless shoppers a minute through the demo shop's checkout:",
                "the catalogue, the deal of the day into the cart, checkout, pay, the order",
                "confirmation; then they leave. One Chromium launched like the agent's, a",
                "fresh context per visit, the browser's own User-Agent (never Probefleet's),",
                "so the shop counts them as real users and its pages' beacon runs. One line",
                "per visit; runs until Ctrl-C or SIGTERM, or until --visits are made.",
                "Exit 2 when Chromium cannot start."})
public final class VisitorsCommand implements Callable<Integer> {

    /** How long a stopping JVM waits for the visit under way to finish and the browser to close. */
    private static final long STOP_WAIT_SECONDS = 20;

    @Option(names = "--base-url", required = true, paramLabel = "URL", description = "the shop, e.g. http://127.0.0.1:8088")
    String baseUrl;

    @Option(names = "--per-minute", defaultValue = "3", paramLabel = "N", description = "visits a minute, 1 to 60 (default: ${DEFAULT-VALUE})")
    int perMinute;

    @Option(names = "--visits", defaultValue = "0", paramLabel = "N", description = "stop after N visits (default: 0, until stopped)")
    int visits;

    @Option(names = "--patience", defaultValue = "10s", paramLabel = "DURATION",
            description = "how long a shopper waits for each step, the confirmation included (default: ${DEFAULT-VALUE})")
    String patience;

    @Option(names = "--chromium", paramLabel = "PATH", description = "the Chromium to drive (default: PROBEFLEET_CHROMIUM or chromium on the PATH)")
    String chromiumPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Duration> wait = Durations.parse(patience);
        if (wait.isEmpty()) {
            err.println("visitors: --patience must be a duration like 10s or 1m, not '" + patience + "'");
            err.flush();
            return 2;
        }
        Visitors.Settings settings;
        try {
            settings = new Visitors.Settings(baseUrl.replaceAll("/+$", ""), perMinute, visits, wait.get());
        } catch (IllegalArgumentException e) {
            err.println("visitors: " + e.getMessage());
            err.flush();
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "visitors-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Visitors: %d a minute through the checkout of %s (Ctrl-C stops)%n", perMinute, settings.baseUrl());
        out.flush();
        try (Chromium chromium = new Chromium(BrowserSettings.defaults(Optional.ofNullable(chromiumPath)))) {
            Visitors.Tally tally = new Visitors(chromium, settings, out, Clock.systemUTC()).run(stop);
            out.printf("%d visits: %d confirmed, %d left without confirmation%n", tally.completed() + tally.unconfirmed(),
                    tally.completed(), tally.unconfirmed());
            return 0;
        } catch (ProberFault e) {
            err.println("visitors: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
            finished.countDown();
        }
    }
}
