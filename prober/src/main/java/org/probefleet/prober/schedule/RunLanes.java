package org.probefleet.prober.schedule;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.probefleet.journeys.model.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where due runs wait and which threads run them: browser runs in their own lane with one thread
 * per browser slot (each slot thread keeps its own Chromium), every other kind in a second lane,
 * so a burst of HTTP runs never holds up a checkout and the reverse.
 */
final class RunLanes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunLanes.class);

    private final RunQueue browser;
    private final RunQueue other;
    private final List<Thread> threads = new ArrayList<>();
    private final InstantSource clock;
    private final JourneyScheduler.RunAction action;

    RunLanes(int browserSlots, int otherSlots, JourneyScheduler.RunAction action, InstantSource clock) {
        if (browserSlots < 1 || otherSlots < 1) {
            throw new IllegalArgumentException("every lane needs a runner, got " + browserSlots + " browser and " + otherSlots + " other");
        }
        this.clock = clock;
        this.action = action;
        this.browser = new RunQueue(clock);
        this.other = new RunQueue(clock);
        // Runner threads load Java journeys with the class loader the agent was started with (--classpath).
        ClassLoader journeyClasses = Thread.currentThread().getContextClassLoader();
        start(browser, browserSlots, "browser-slot", journeyClasses);
        start(other, otherSlots, "journey-runner", journeyClasses);
    }

    private void start(RunQueue queue, int count, String name, ClassLoader journeyClasses) {
        for (int i = 1; i <= count; i++) {
            Thread thread = new Thread(() -> drain(queue), name + "-" + i);
            thread.setDaemon(true);
            thread.setContextClassLoader(journeyClasses);
            thread.start();
            threads.add(thread);
        }
    }

    /** A runner thread: takes the next due run and runs it, until its lane closes. */
    private void drain(RunQueue queue) {
        try {
            for (Optional<DueRun> due = queue.take(); due.isPresent(); due = queue.take()) {
                try {
                    action.run(due.get(), clock.instant());
                } catch (RuntimeException | Error e) {
                    // A runner thread outlives any one run: the lane keeps its slots.
                    LOG.error("journey {}: the run failed unexpectedly", due.get().journeyId(), e);
                } finally {
                    queue.finished(due.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues {@code run} in its kind's lane; false when its journey already has a run waiting or running. */
    boolean offer(DueRun run) {
        return (run.journey().kind() == Kind.BROWSER ? browser : other).offer(run);
    }

    /** Runs dropped in either lane because no runner freed up before their start-by time. */
    long expired() {
        return browser.expired() + other.expired();
    }

    int waiting() {
        return browser.waiting() + other.waiting();
    }

    /** Starts nothing more and waits (up to a minute) for the running runs to end. */
    @Override
    public void close() {
        browser.close();
        other.close();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
