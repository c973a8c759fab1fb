package org.probefleet.coordinator.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers a {@link TallyListener} keeps per key, region and minute next to the outcomes. The
 * store adds them up and hands them back; what the key and the amounts mean is the listener's.
 * {@code minute} counts minutes since the epoch (retention drops whole minutes); {@code latest}
 * is the latest instant the tally covers, kept as the maximum when tallies are added.
 */
public record Tally(String key, String region, long minute, List<Long> amounts, Instant latest) {

    /** Amounts per tally: as many as the table has columns for. */
    public static final int AMOUNTS = 4;

    /** Where a tally is kept: tallies in one place add up. */
    public record Place(String key, String region, long minute) {
    }

    public Tally {
        amounts = List.copyOf(amounts);
        if (amounts.size() != AMOUNTS) {
            throw new IllegalArgumentException("a tally holds " + AMOUNTS + " amounts, not " + amounts.size() + ": " + amounts);
        }
    }

    public Place place() {
        return new Place(key, region, minute);
    }

    /** This tally and another of the same place added up. */
    public Tally plus(Tally other) {
        if (!place().equals(other.place())) {
            throw new IllegalArgumentException("cannot add the tally of " + other.place() + " to the tally of " + place());
        }
        List<Long> sums = new ArrayList<>(AMOUNTS);
        for (int i = 0; i < AMOUNTS; i++) {
            sums.add(amounts.get(i) + other.amounts.get(i));
        }
        return new Tally(key, region, minute, sums, latest.isAfter(other.latest) ? latest : other.latest);
    }
}
