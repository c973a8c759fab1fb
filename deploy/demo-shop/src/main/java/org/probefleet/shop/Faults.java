package org.probefleet.shop;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults in force, each under a name, so several can run at once on their own paths and
 * regions (a benchmark's concurrent trials); {@code /admin/chaos} sets the one named
 * {@value #UNNAMED}. A request meets the first matching fault in name order that is not spent.
 */
final class Faults {

    static final String UNNAMED = "default";

    /** A fault and how many requests it has hit so far. */
    static final class Fault {
        private final Chaos chaos;
        private final AtomicInteger hits = new AtomicInteger();

        Fault(Chaos chaos) {
            this.chaos = chaos;
        }

        Chaos chaos() {
            return chaos;
        }

        /** Counts one more hit, or answers false when the fault's {@code times} are used up. */
        boolean claim() {
            int before;
            do {
                before = hits.get();
                if (spent(before)) {
                    return false;
                }
            } while (!hits.compareAndSet(before, before + 1));
            return true;
        }

        private boolean spent(int count) {
            return chaos.times() > 0 && count >= chaos.times();
        }

        JsonObject toJson() {
            return chaos.toJson().put("hits", hits.get()).put("spent", spent(hits.get()));
        }
    }

    private final ConcurrentSkipListMap<String, Fault> faults = new ConcurrentSkipListMap<>();

    /** Puts {@code chaos} in force under {@code name}, replacing what was there; an inactive one just clears the name. */
    Fault set(String name, Chaos chaos) {
        Fault fault = new Fault(chaos);
        if (chaos.active()) {
            faults.put(name, fault);
        } else {
            faults.remove(name);
        }
        return fault;
    }

    void clear(String name) {
        faults.remove(name);
    }

    /** The fault under {@code name}, or an inactive one. */
    Fault get(String name) {
        return faults.getOrDefault(name, new Fault(Chaos.NONE));
    }

    Optional<Fault> matching(String path, String region, boolean probe) {
        return faults.values().stream()
                .filter(fault -> !fault.spent(fault.hits.get()) && fault.chaos.matches(path, region, probe))
                .findFirst();
    }
}
