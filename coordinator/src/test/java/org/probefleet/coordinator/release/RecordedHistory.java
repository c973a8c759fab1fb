package org.probefleet.coordinator.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.probefleet.coordinator.slo.Counts;

/** A hand-made history of an SLO's events at chosen instants, and deploys placed in it: what the store's minutes would say. */
final class RecordedHistory implements CountsBetween {

    private record Point(Instant at, Counts counts) {
    }

    private final List<Point> points = new ArrayList<>();

    /** {@code good} and {@code bad} events at {@code at}. */
    RecordedHistory events(Instant at, long good, long bad) {
        points.add(new Point(at, new Counts(good, bad)));
        return this;
    }

    /**
     * A deploy at {@code at} with 600 events in each of the hour before and its first hour ({@code badBefore}
     * and {@code badFirstHour} of them bad) and {@code badLaterThatDay} more bad among 6,000 events later in its first day.
     */
    Deploy deploy(String version, Instant at, long badBefore, long badFirstHour, long badLaterThatDay) {
        events(at.minusSeconds(30 * 60), 600 - badBefore, badBefore);
        events(at.plusSeconds(30 * 60), 600 - badFirstHour, badFirstHour);
        events(at.plusSeconds(5 * 3600), 6_000 - badLaterThatDay, badLaterThatDay);
        return deploy(version, at);
    }

    static Deploy deploy(String version, Instant at) {
        return new Deploy(UUID.nameUUIDFromBytes(version.getBytes()), version, at, "ci", Optional.empty(), List.of("checkout-completion-rate"),
                List.of());
    }

    @Override
    public Counts between(Instant fromExclusive, Instant toInclusive) {
        Counts total = Counts.ZERO;
        for (Point point : points) {
            if (point.at().isAfter(fromExclusive) && !point.at().isAfter(toInclusive)) {
                total = total.plus(point.counts());
            }
        }
        return total;
    }
}
