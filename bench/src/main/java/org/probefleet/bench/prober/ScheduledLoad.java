package org.probefleet.bench.prober;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.agent.AgentMetrics;
import org.probefleet.prober.agent.RunExecutor;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.JourneyScheduler;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Journeys scheduled once a minute through the agent's own scheduler and executor: the first
 * minute (every journey's first run, a cold JIT and shop) is warm-up; then, for the measured
 * time, the runs completed, their failures, how late each started (queueing included), the runs
 * skipped, and the peak memory of the agent and its Chromium.
 */
final class ScheduledLoad {

    static final Duration WARM_UP = Duration.ofMinutes(1);
    /** HTTP runs at once: they mostly wait on the network. */
    static final int HTTP_SLOTS = 16;

    /** What a scheduled phase measured. */
    record Load(int journeys, long runs, long failures, List<Long> lagMillis, long peakMemoryBytes, Duration elapsed, long skipped) {
        double perMinute() {
            return runs / (elapsed.toMillis() / 60_000.0);
        }
    }

    private final BrowserSettings browser;
    private final int browserSlots;
    private final Duration duration;

    ScheduledLoad(BrowserSettings browser, int browserSlots, Duration duration) {
        this.browser = browser;
        this.browserSlots = browserSlots;
        this.duration = duration;
    }

    Load run(List<Journey> journeys, Secrets secrets, Path folder) throws Exception {
        Files.createDirectories(folder);
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong peakMemory = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (Outbox outbox = new Outbox(folder.resolve("outbox"), 1L << 32);
             RunExecutor executor = new RunExecutor("bench", "bench-1", secrets, folder.resolve("artifacts"), outbox,
                     new AgentMetrics(outbox::pending, () -> 0), () -> true, browser, Clock.systemUTC());
             JourneyScheduler scheduler = new JourneyScheduler(browserSlots, HTTP_SLOTS, "bench", (due, start) -> {
                 if (measuring.get()) {
                     lags.add(Duration.between(due.planned(), start).toMillis());
                 }
                 executor.run(due, start);
             }, Clock.systemUTC())) {
            sampler.scheduleAtFixedRate(() -> peakMemory.accumulateAndGet(memoryOfAgentAndChildren(), Math::max), 0, 1, TimeUnit.SECONDS);
            scheduler.schedule(journeys, Instant.now());
            TimeUnit.MILLISECONDS.sleep(WARM_UP.toMillis());
            long skippedBefore = scheduler.missed();
            int before = (int) outbox.pending();
            measuring.set(true);
            Instant started = Instant.now();
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
            measuring.set(false);
            Instant stopped = Instant.now();
            int after = (int) outbox.pending();
            long skipped = scheduler.missed() - skippedBefore;
            long failures = outbox.peek(after).subList(before, after).stream()
                    .filter(entry -> entry.outcome().status() != OutcomeStatus.SUCCESS).count();
            return new Load(journeys.size(), after - before, failures, List.copyOf(lags), peakMemory.get(),
                    Duration.between(started, stopped), skipped);
        } finally {
            sampler.shutdownNow();
        }
    }

    /**
     * Memory of this JVM and every process it started (Chromium and its helpers), from /proc: the
     * proportional set size, so pages Chromium's processes share are counted once, not per process.
     */
    static long memoryOfAgentAndChildren() {
        long total = proportionalSetSize(ProcessHandle.current().pid());
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            total += proportionalSetSize(child.pid());
        }
        return total;
    }

    private static long proportionalSetSize(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading, or /proc is not there: it holds nothing now
        }
        return 0;
    }
}
