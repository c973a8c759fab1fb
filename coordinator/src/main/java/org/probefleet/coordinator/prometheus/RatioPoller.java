package org.probefleet.coordinator.prometheus;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.Slo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the SLOs over Prometheus ratios once a minute: each minute that ended at least
 * {@code delay} ago is read once, both queries evaluated at its end, and its counts go into the
 * store's per-minute tallies beside the probe counts, where the engine takes them like any other.
 * A minute Prometheus does not answer for, or whose denominator is empty, gets nothing: the
 * engine calls it no data, never good. The last minute read is saved, so a restart goes on from
 * there (at most {@link #MAX_CATCH_UP} minutes back) without reading a minute twice.
 */
public final class RatioPoller {

    private static final Logger LOG = LoggerFactory.getLogger(RatioPoller.class);
    static final String SETTING = "prometheus.last_minute_read";
    /** Minutes read back after a restart: Prometheus keeps far more, but the engine's short windows matter most. */
    static final int MAX_CATCH_UP = 60;
    private static final long MINUTE_MILLIS = 60_000;

    private final PrometheusQueries prometheus;
    private final OutcomeStore store;
    private final Supplier<List<Slo>> slos;
    private final Clock clock;
    private final Duration delay;
    private final Map<String, RatioMinute.Carry> carries = new HashMap<>();
    private final Map<String, String> failing = new HashMap<>();
    private long lastRead;

    public RatioPoller(PrometheusQueries prometheus, OutcomeStore store, Supplier<List<Slo>> slos, Clock clock, Duration delay) {
        this.prometheus = prometheus;
        this.store = store;
        this.slos = slos;
        this.clock = clock;
        this.delay = delay;
        long due = lastDue();
        this.lastRead = store.setting(SETTING).map(Long::parseLong).map(saved -> Math.max(saved, due - MAX_CATCH_UP)).orElse(due - 1);
    }

    /** Reads every minute that is due and not read yet, oldest first; returns how many minutes it read. */
    public synchronized int pollDue() {
        long due = lastDue();
        int read = 0;
        while (lastRead < due) {
            read(lastRead + 1);
            lastRead++;
            read++;
        }
        if (read > 0) {
            store.saveSetting(SETTING, Long.toString(lastRead));
        }
        return read;
    }

    /** The last minute whose end is at least {@code delay} ago. */
    private long lastDue() {
        return Math.floorDiv(clock.millis() - delay.toMillis(), MINUTE_MILLIS) - 1;
    }

    private void read(long minute) {
        Instant end = Instant.ofEpochMilli((minute + 1) * MINUTE_MILLIS);
        List<Tally> tallies = new ArrayList<>();
        for (Slo slo : slos.get()) {
            if (slo.indicator() instanceof RatioIndicator ratio) {
                try {
                    List<PrometheusQueries.Sample> good = prometheus.query(ratio.numerator(), end);
                    List<PrometheusQueries.Sample> total = prometheus.query(ratio.denominator(), end);
                    RatioMinute.counts(slo.name(), end, good, total, carries.computeIfAbsent(slo.name(), name -> new RatioMinute.Carry()))
                            .stream().map(MinuteCounts::toTally).forEach(tallies::add);
                    recovered(slo);
                } catch (IOException | RuntimeException e) {
                    failed(slo, e);
                }
            }
        }
        if (!tallies.isEmpty()) {
            store.addTallies(tallies).join();
        }
    }

    /** Logs the first failure of a run of them, so an outage of Prometheus is one line, not one a minute. */
    private void failed(Slo slo, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!message.equals(failing.put(slo.name(), message))) {
            LOG.warn("no data for {} from Prometheus until it answers: {}", slo.name(), message);
        }
    }

    private void recovered(Slo slo) {
        if (failing.remove(slo.name()) != null) {
            LOG.info("Prometheus answers again for {}", slo.name());
        }
    }
}
