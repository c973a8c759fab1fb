package org.probefleet.coordinator.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tallies added up by place in memory, so many outcomes cost one write per place. */
public final class TallySum {

    private final Map<Tally.Place, Tally> sums = new HashMap<>();

    public void add(Tally tally) {
        sums.merge(tally.place(), tally, Tally::plus);
    }

    public void addAll(List<Tally> tallies) {
        tallies.forEach(this::add);
    }

    /** Places held: what bounds the memory of a long recount. */
    public int size() {
        return sums.size();
    }

    /** The sums so far, emptying this. */
    public List<Tally> drain() {
        List<Tally> drained = List.copyOf(sums.values());
        sums.clear();
        return drained;
    }
}
