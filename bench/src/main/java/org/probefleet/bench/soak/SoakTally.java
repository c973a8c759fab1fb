package org.probefleet.bench.soak;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulated agents were answered, shared by all of them. Times are System.nanoTime() readings. */
final class SoakTally {

    /** Says what an answer is, so the soak can count the disk episode's answers apart. */
    interface Window {
        boolean contains(long nanos);
    }

    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> duringDisk = new ConcurrentHashMap<>();
    private final AtomicLong firstAckAfterDisk = new AtomicLong(Long.MAX_VALUE);
    private volatile Window disk = nanos -> false;
    private volatile long diskEnded = Long.MAX_VALUE;

    void diskEpisode(Window window) {
        disk = window;
    }

    void diskEnded(long nanos) {
        diskEnded = nanos;
    }

    /** An answer with its HTTP status, or {@code "no connection"}, and the run ids a 200 acknowledged. */
    void answer(String kind, long nanos, List<UUID> runIds) {
        answers.computeIfAbsent(kind, key -> new AtomicLong()).incrementAndGet();
        if (disk.contains(nanos)) {
            duringDisk.computeIfAbsent(kind, key -> new AtomicLong()).incrementAndGet();
        }
        if (kind.equals("200")) {
            acknowledged.addAll(runIds);
            if (nanos >= diskEnded) {
                firstAckAfterDisk.accumulateAndGet(nanos, Math::min);
            }
        }
    }

    Set<UUID> acknowledged() {
        return acknowledged;
    }

    Map<String, Long> answers() {
        return snapshot(answers);
    }

    Map<String, Long> answersDuringDisk() {
        return snapshot(duringDisk);
    }

    /** When the first batch after the disk episode was acknowledged, or Long.MAX_VALUE if none was. */
    long firstAckAfterDisk() {
        return firstAckAfterDisk.get();
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((kind, count) -> copy.put(kind, count.get()));
        return copy;
    }
}
