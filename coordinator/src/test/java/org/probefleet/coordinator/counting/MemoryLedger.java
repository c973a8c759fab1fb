package org.probefleet.coordinator.counting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.coordinator.store.TallyListener;
import org.probefleet.wire.outcome.Outcome;

/** A store's tallies, tags and outcomes in memory, fed one outcome at a time: the counting logic without a database. */
final class MemoryLedger implements TallyListener.Ledger, TallyListener.Handover {

    final List<Outcome> outcomes = new ArrayList<>();
    final Map<String, String> tags = new HashMap<>();
    final TreeMap<Tally.Place, Tally> tallies = new TreeMap<>(Comparator.comparing(Tally.Place::key)
            .thenComparing(Tally.Place::region).thenComparingLong(Tally.Place::minute));

    /** What the store does when a listener starts counting: reconcile, then hand over. */
    void countWith(TallyListener listener) {
        listener.reconcile(this);
        listener.catchUp(this);
    }

    /** What the store does when a new outcome commits: its tallies with it, then the listener hears of it. */
    void commit(TallyListener listener, Outcome outcome) {
        outcomes.add(outcome);
        List<Tally> added = listener.talliesOf(outcome);
        add(added);
        listener.stored(outcome, added);
    }

    @Override
    public Map<String, String> tags() {
        return Map.copyOf(tags);
    }

    @Override
    public void forget(String key) {
        tags.remove(key);
        tallies.keySet().removeIf(place -> place.key().equals(key));
    }

    @Override
    public void tag(String key, String tag) {
        tags.put(key, tag);
    }

    @Override
    public void forEachOutcomeSince(Instant since, Consumer<Outcome> each) {
        outcomes.stream().filter(outcome -> outcome.startedAt().isAfter(since)).forEach(each);
    }

    @Override
    public void add(Collection<Tally> added) {
        added.forEach(tally -> tallies.merge(tally.place(), tally, Tally::plus));
    }

    @Override
    public void forEachFrom(long from, Consumer<Tally> each) {
        tallies.values().stream().filter(tally -> tally.minute() >= from).forEach(each);
    }
}
