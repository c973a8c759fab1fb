package org.probefleet.coordinator.rum;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.slo.Cadence;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Slo;

/**
 * Real users' completions and failures, summed per rum SLO and minute in memory and handed to the
 * store's minute tallies in one write every few seconds: a beacon costs the event loop a map
 * update, never a database write of its own. Beacons count in the region {@link Cadence#UNLABELLED}.
 */
public final class RumTallies {

    private record Key(String slo, long minute) {
    }

    private final Supplier<List<Slo>> slos;
    private Map<Key, long[]> pending = new HashMap<>();
    private final Map<Key, Instant> last = new HashMap<>();

    public RumTallies(Supplier<List<Slo>> slos) {
        this.slos = slos;
    }

    /** Counts a completed (good) or failed journey at {@code at} for every rum SLO of that journey; false when none measures it. */
    public synchronized boolean add(String journey, boolean good, Instant at) {
        boolean counted = false;
        for (Slo slo : slos.get()) {
            if (slo.indicator() instanceof RumIndicator rum && rum.journey().equals(journey)) {
                Key key = new Key(slo.name(), MinuteCounts.minuteOf(at));
                pending.computeIfAbsent(key, ignored -> new long[2])[good ? 0 : 1]++;
                last.put(key, at);
                counted = true;
            }
        }
        return counted;
    }

    /** The counts since the last drain, as tallies to add to the store; empty when nothing arrived. */
    public synchronized List<Tally> drain() {
        List<Tally> tallies = new ArrayList<>();
        pending.forEach((key, counts) -> tallies.add(new MinuteCounts(key.slo(), Cadence.UNLABELLED, key.minute(), last.get(key),
                counts[0], counts[1], 0, 0).toTally()));
        pending = new HashMap<>();
        last.clear();
        return tallies;
    }
}
