package org.probefleet.coordinator.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.probefleet.coordinator.store.OwnerRecord;

/**
 * Who owned each SLO when, read from the owners recorded at each definitions load: a change is a
 * record whose owner differs from the SLO's record before it, so a load that changed nothing (or
 * one recorded twice) is none. The first record of an SLO is where its history starts, not a change.
 */
final class OwnerChanges {

    private OwnerChanges() {
    }

    /** The changes of each SLO within {@code [from, to)}, oldest first; SLOs without a change are absent. */
    static Map<String, List<QuarterlyReview.OwnerChange>> between(List<OwnerRecord> history, Instant from, Instant to) {
        Map<String, String> current = new HashMap<>();
        Map<String, List<QuarterlyReview.OwnerChange>> changes = new HashMap<>();
        for (OwnerRecord record : history.stream().sorted(Comparator.comparing(OwnerRecord::at)).toList()) {
            String before = current.put(record.slo(), record.owner());
            boolean inside = !record.at().isBefore(from) && record.at().isBefore(to);
            if (before != null && !before.equals(record.owner()) && inside) {
                changes.computeIfAbsent(record.slo(), slo -> new ArrayList<>()).add(new QuarterlyReview.OwnerChange(record.at(), before, record.owner()));
            }
        }
        return changes;
    }
}
