package org.probefleet.coordinator.counting;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change of definitions means for the stored counts: the SLOs whose fingerprint is new or
 * changed are recounted from the stored outcomes, the SLOs that are gone are dropped, the others
 * are kept as they are.
 */
public record Recount(Set<String> recount, Set<String> drop) {

    public Recount {
        recount = Set.copyOf(recount);
        drop = Set.copyOf(drop);
    }

    /** From the fingerprints wanted now and those the stored counts were made with. */
    public static Recount between(Map<String, String> wanted, Map<String, String> stored) {
        Set<String> recount = new TreeSet<>();
        wanted.forEach((slo, fingerprint) -> {
            if (!fingerprint.equals(stored.get(slo))) {
                recount.add(slo);
            }
        });
        Set<String> drop = new TreeSet<>(stored.keySet());
        drop.removeAll(wanted.keySet());
        return new Recount(recount, drop);
    }
}
