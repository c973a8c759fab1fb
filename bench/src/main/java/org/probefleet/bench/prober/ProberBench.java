package org.probefleet.bench.prober;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.run.Secrets;

/**
 * {@code fleet bench prober}: the agent under load against a running demo shop, with its
 * baselines in the same run. First the checkout one run after another through the agent's
 * executor, straight on Playwright for Java, and straight on playwright-core in Node (the
 * ecosystem's ceiling, where node has it); then {@code browserJourneys} copies of the checkout
 * scheduled once a minute through the agent's scheduler and executor, and the same for a
 * three-step HTTP journey.
 */
public final class ProberBench {

    /** The scheduled checkouts should complete at this share of the bare Node loop's rate, at least. */
    static final double TARGET_SHARE_OF_CEILING = 0.9;

    public record Settings(String baseUrl, int browserJourneys, int httpJourneys, Duration duration, int browserSlots, int loopRuns,
                           BrowserSettings browser) {
    }

    private final Settings settings;

    public ProberBench(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("probefleet-bench-prober");
        Secrets secrets = new Secrets(name -> name.equals("CHECKOUT_EMAIL") ? BenchJourneys.EMAIL : System.getenv(name), Map.of());
        out.printf("prober benchmark against %s; %d cores; %d browser slots%n%n", settings.baseUrl(),
                Runtime.getRuntime().availableProcessors(), settings.browserSlots());
        out.flush();
        CheckoutLoops.Comparison loops = new CheckoutLoops(settings.baseUrl(), settings.browser(), settings.loopRuns())
                .compare(BenchJourneys.checkouts(settings.baseUrl(), 1).get(0), secrets, folder);
        NodeBaseline.Result bareNode = new NodeBaseline(settings.baseUrl(), settings.browser(), settings.loopRuns(),
                System.getenv().getOrDefault("PATH", "")).run(folder);
        reportLoops(out, loops, bareNode);
        ScheduledLoad scheduled = new ScheduledLoad(settings.browser(), settings.browserSlots(), settings.duration());
        if (settings.browserJourneys() > 0) {
            ScheduledLoad.Load load = scheduled.run(BenchJourneys.checkouts(settings.baseUrl(), settings.browserJourneys()), secrets,
                    folder.resolve("browser"));
            report(out, "checkouts", load);
            out.println(againstCeiling(load, bareNode.stats()));
            out.println();
            out.flush();
        }
        if (settings.httpJourneys() > 0) {
            report(out, "three-step HTTP journeys", scheduled.run(BenchJourneys.apis(settings.baseUrl(), settings.httpJourneys()), secrets,
                    folder.resolve("http")));
        }
    }

    private void reportLoops(PrintWriter out, CheckoutLoops.Comparison loops, NodeBaseline.Result bareNode) {
        out.printf("| one checkout after another (%d runs, after %d warm-up), fresh context per run | checkouts/min | mean ms | p50 ms | p99 ms |%n",
                settings.loopRuns(), CheckoutLoops.WARM_UP);
        out.println("|---|---:|---:|---:|---:|");
        row(out, "the agent's runner (executor, no trace on a healthy run, outcome fsynced to the outbox)", loops.runner());
        row(out, "bare Playwright for Java loop (same steps, same Chromium, runs taking turns with the runner's)", loops.bareJava());
        bareNode.stats().ifPresent(node -> row(out, "bare Node loop, playwright-core (the ecosystem ceiling)", node));
        out.printf("runner / bare Java: %.2f (mean time a run; target <= 1.15)%n", loops.ratio());
        out.println(bareNode.note());
        out.println();
        out.flush();
    }

    private static void row(PrintWriter out, String what, LoopStats stats) {
        out.printf("| %s | %.1f | %.0f | %d | %d |%n", what, stats.perMinute(), stats.meanMs(), stats.p50Ms(), stats.p99Ms());
    }

    private void report(PrintWriter out, String kind, ScheduledLoad.Load load) {
        List<Long> lags = new ArrayList<>(load.lagMillis());
        Collections.sort(lags);
        out.printf("| %s scheduled once a minute | scheduled/min | completed/min | failures | skipped | lag p50 ms | lag p99 ms "
                + "| peak memory (PSS) agent + Chromium |%n", kind);
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        out.printf("| measured %.1f min | %d | %.1f | %d | %d | %d | %d | %.0f MiB |%n", load.elapsed().toMillis() / 60_000.0,
                load.journeys(), load.perMinute(), load.failures(), load.skipped(), LoopStats.percentile(lags, 0.5),
                LoopStats.percentile(lags, 0.99), load.peakMemoryBytes() / 1048576.0);
        out.flush();
    }

    /**
     * The scheduled checkouts' rate against what the bare Node loop's ceiling, measured in this run, lets
     * them reach: the ceiling itself, or the scheduled rate when the ceiling is above it, since no agent
     * completes more runs than are scheduled.
     */
    static String againstCeiling(ScheduledLoad.Load load, Optional<LoopStats> ceiling) {
        if (ceiling.isEmpty()) {
            return "completed/min / bare Node ceiling: not measured (no bare Node loop)";
        }
        double reachable = Math.min(load.journeys(), ceiling.get().perMinute());
        return String.format("completed/min / reachable (the bare Node ceiling %.1f, capped at the %d scheduled): %.1f / %.1f = %.2f (target >= %.1f)",
                ceiling.get().perMinute(), load.journeys(), load.perMinute(), reachable, load.perMinute() / reachable, TARGET_SHARE_OF_CEILING);
    }
}
