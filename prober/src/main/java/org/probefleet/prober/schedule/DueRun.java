package org.probefleet.prober.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Schedule;
import org.probefleet.wire.outcome.RunTrigger;

/**
 * A run waiting for a runner: its journey, when it was planned, the latest it may still start
 * (past that it is skipped: an outcome that late no longer says much about its planned time), and
 * why it runs ({@link #SCHEDULED}, or what asked for it now).
 */
public record DueRun(Journey journey, Instant planned, Instant startBy, String reason) {

    /** The reason of a run its schedule made due. */
    public static final String SCHEDULED = RunTrigger.SCHEDULE.wireName();
    /** The reason of a run the coordinator asked for to confirm another region's failure. */
    public static final String CONFIRMATION = RunTrigger.CONFIRMATION.wireName();
    /** However wide a journey's spread, a run waits at most this long for a runner. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(1);

    public DueRun {
        Objects.requireNonNull(journey, "journey");
        if (startBy.isBefore(planned)) {
            throw new IllegalArgumentException("a run cannot have to start (" + startBy + ") before it is planned (" + planned + ")");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a run needs a reason, got '" + reason + "'");
        }
    }

    /** A run of {@code journey} planned at {@code planned}, waiting at most {@link #maxWait} for a runner. */
    public static DueRun of(Journey journey, Instant planned, String reason) {
        return new DueRun(journey, planned, planned.plus(maxWait(journey)), reason);
    }

    /**
     * How long a run of {@code journey} may wait for a runner: its spread (the window its runs are
     * meant to start in) or, when that is shorter, its timeout (what a run waited for a browser
     * slot before runs were queued); never past its next run on an {@code every} grid, nor past {@link #MAX_WAIT}.
     */
    public static Duration maxWait(Journey journey) {
        Duration wait = max(journey.schedule().spread(), journey.timeout());
        if (journey.schedule() instanceof Schedule.Every every) {
            wait = min(wait, every.interval());
        }
        return min(wait, MAX_WAIT);
    }

    public String journeyId() {
        return journey.id();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
