package org.probefleet.prober.visitors;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.probefleet.prober.browser.Chromium;

/**
 * A few shoppers a minute for the demo, one after another in one Chromium, each in a fresh
 * context: real-user traffic the shop's beacon and business counters see, beside the probes.
 * Visits start at even intervals; one that runs long delays the next, never overlaps it.
 */
public final class Visitors {

    /**
     * @param perMinute visits a minute, 1 to 60
     * @param visits    how many visits before stopping; 0 goes on until stopped
     * @param patience  how long a shopper waits for each step, the confirmation included
     */
    public record Settings(String baseUrl, int perMinute, int visits, Duration patience) {
        public Settings {
            if (perMinute < 1 || perMinute > 60) {
                throw new IllegalArgumentException("visits a minute must be from 1 to 60, not " + perMinute);
            }
            if (visits < 0) {
                throw new IllegalArgumentException("visits must be 0 (until stopped) or more, not " + visits);
            }
        }

        Duration interval() {
            return Duration.ofMinutes(1).dividedBy(perMinute);
        }
    }

    /** Visits that reached the confirmation, and those that did not. */
    public record Tally(int completed, int unconfirmed) {
    }

    private final Chromium chromium;
    private final Settings settings;
    private final PrintWriter log;
    private final Clock clock;

    /** @param clock stamps the log lines; the pacing runs on the monotonic clock */
    public Visitors(Chromium chromium, Settings settings, PrintWriter log, Clock clock) {
        this.chromium = chromium;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
    }

    /** Visits until {@code stop} is counted down or the settings' visits are made; a visit under way is finished first. */
    public Tally run(CountDownLatch stop) throws InterruptedException {
        int completed = 0;
        int unconfirmed = 0;
        long intervalNanos = settings.interval().toNanos();
        long next = System.nanoTime();
        for (int visit = 1; settings.visits() == 0 || visit <= settings.visits(); visit++) {
            if (stop.await(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            next += intervalNanos;
            CheckoutVisit.Result result = CheckoutVisit.walk(chromium.browser(), settings.baseUrl(), settings.patience());
            if (result.completed()) {
                completed++;
                log.printf("%s visit %d: order confirmed in %.1fs%n", clock.instant(), visit, result.took().toMillis() / 1000.0);
            } else {
                unconfirmed++;
                log.printf("%s visit %d: no confirmation after %.1fs, left the shop: %s%n", clock.instant(), visit,
                        result.took().toMillis() / 1000.0, result.problem().orElse(""));
            }
            log.flush();
        }
        return new Tally(completed, unconfirmed);
    }
}
