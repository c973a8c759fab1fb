package org.probefleet.bench.detect;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Plays one trial against the live fleet: its fault on, the wait its kind needs, its fault off, then what fired for its SLO. */
final class TrialPlayer {

    /** A full outage lasts until its page, or this long. */
    static final Duration FULL_WATCH = Duration.ofMinutes(5);
    /** A one-region outage lasts this long: five failed runs in the region, several times what pages a full outage. */
    static final Duration ONE_REGION_FOR = Duration.ofMinutes(5);
    /** Watched on after a one-region outage ends, for a page that comes late. */
    static final Duration AFTER_OUTAGE = Duration.ofMinutes(1);
    /** A blip's failed run comes within one probe interval; a little slack for the agent. */
    static final Duration BLIP_WAIT = Duration.ofMinutes(2);
    /** Watched after a blip's failed run: the short alert window (5 minutes). */
    static final Duration BLIP_WATCH = Duration.ofMinutes(5);
    static final String PAGE = "page";
    private static final Duration POLL = Duration.ofMillis(250);

    private final ShopChaos chaos;
    private final AlertWatch watch;
    private final InstantSource clock;
    private final List<String> regions;

    TrialPlayer(ShopChaos chaos, AlertWatch watch, InstantSource clock, List<String> regions) {
        this.chaos = chaos;
        this.watch = watch;
        this.clock = clock;
        this.regions = List.copyOf(regions);
    }

    TrialResult play(Trial trial, Instant benchStart) throws Exception {
        sleepUntil(benchStart.plus(trial.chaosAt()));
        Instant on = clock.instant();
        switch (trial.kind()) {
            case FULL_OUTAGE -> {
                chaos.fail(trial, regions, 0);
                Instant until = on.plus(FULL_WATCH);
                while (firstPage(trial, on).isEmpty() && clock.instant().isBefore(until)) {
                    TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
                }
                chaos.clear(trial);
            }
            case ONE_REGION -> {
                chaos.fail(trial, trial.regions(regions), 0);
                sleepUntil(on.plus(ONE_REGION_FOR));
                chaos.clear(trial);
                sleepUntil(clock.instant().plus(AFTER_OUTAGE));
            }
            case BLIP -> {
                // The journey has no retries: one failed request is one failed run.
                chaos.fail(trial, trial.regions(regions), 1);
                Instant until = on.plus(BLIP_WAIT);
                while (chaos.hits(trial) == 0 && clock.instant().isBefore(until)) {
                    TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
                }
                if (chaos.hits(trial) == 0) {
                    throw new IllegalStateException(trial.key() + ": no run reached the shop within " + BLIP_WAIT.toSeconds()
                            + " s; is its agent running?");
                }
                sleepUntil(clock.instant().plus(BLIP_WATCH));
                chaos.clear(trial);
            }
        }
        List<AlertWatch.Firing> firings = watch.firings(trial.slo(), on);
        int pages = (int) firings.stream().filter(firing -> firing.severity().equals(PAGE)).count();
        List<String> raised = firings.stream().map(firing -> firing.alertname() + " " + firing.region()).distinct().toList();
        return new TrialResult(trial, firstPage(trial, on).map(seen -> Duration.between(on, seen)), pages, firings.size(), raised);
    }

    private Optional<Instant> firstPage(Trial trial, Instant from) {
        return watch.firings(trial.slo(), from).stream().filter(firing -> firing.severity().equals(PAGE))
                .map(AlertWatch.Firing::seen).findFirst();
    }

    private void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(clock.instant(), at).toMillis();
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }
}
