package org.probefleet.coordinator.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Where outcomes live. {@link #append} is all-or-nothing per batch and completes only after
 * the batch is durably committed: an acknowledged outcome survives a crash.
 */
public interface OutcomeStore extends AutoCloseable {

    /** Accepted = newly stored (listed in {@code stored}); duplicates = exact resends of stored runs (no-ops). */
    record BatchResult(int accepted, int duplicates, List<Outcome> stored) {
        public BatchResult {
            stored = List.copyOf(stored);
        }
    }

    /** A stored run id arrived again with different content: the whole batch is refused. */
    final class ConflictException extends RuntimeException {
        private final UUID runId;

        public ConflictException(UUID runId) {
            super("runId " + runId + " was already stored with different content");
            this.runId = runId;
        }

        public UUID runId() {
            return runId;
        }
    }

    /**
     * Filters for the drill-down list. {@code after} pages on from a previous page's last outcome;
     * {@code before} (a start time) is the older way, which skips outcomes that share that start time.
     */
    record Query(Optional<String> journey, Optional<String> region, Optional<OutcomeStatus> status, Optional<Instant> since,
                 Optional<Instant> before, Optional<Position> after, int limit) {

        public Query(Optional<String> journey, Optional<String> region, Optional<OutcomeStatus> status, Optional<Instant> since,
                     Optional<Instant> before, int limit) {
            this(journey, region, status, since, before, Optional.empty(), limit);
        }
    }

    /**
     * Where an outcome sits in the list's order (newest start first, then by run id): start times
     * are shared by outcomes of one instant, so only both together say where a page ended.
     */
    record Position(Instant startedAt, UUID runId) {

        public static Position of(Outcome outcome) {
            return new Position(outcome.startedAt(), outcome.runId());
        }
    }

    CompletableFuture<BatchResult> append(List<Outcome> batch);

    /**
     * Hands stored outcomes to {@code listener} from now on, replacing the one before: lets it
     * reconcile the stored tallies, commits that, hands the tallies over, then feeds it every
     * committed batch with the tallies it gave for it. Completes once the listener is caught up.
     */
    CompletableFuture<Void> countWith(TallyListener listener);

    /**
     * Adds tallies counted from outside the store (no outcome behind them, like a Prometheus
     * ratio's minutes) to those in their places, and hands them to the listener once committed.
     */
    CompletableFuture<Void> addTallies(List<Tally> tallies);

    Optional<Outcome> find(UUID runId);

    /** Newest first, outcomes of one start time by run id. */
    List<Outcome> list(Query query);

    /** Every outcome started after {@code since}, oldest first: how the engine rebuilds its windows at start. */
    void forEachSince(Instant since, Consumer<Outcome> consumer);

    /** Deletes outcomes started before {@code cutoff}, and the minutes of tallies wholly before it; returns how many outcomes. */
    int deleteBefore(Instant cutoff);

    /** Keeps a deploy marker; markers outlive outcome retention (they are what past releases are estimated from). */
    void recordDeploy(Deploy deploy);

    /** Deploy markers at or after {@code from} and before {@code to}, oldest first. */
    List<Deploy> deploys(Instant from, Instant to);

    /**
     * Keeps each SLO's owner (empty for none) as of {@code at}, for those whose owner differs from
     * the last one kept: what a definitions push or load calls, so a review can list owner changes.
     */
    void recordOwners(Instant at, Map<String, String> owners);

    /** The owners kept before {@code to}, oldest first. */
    List<OwnerRecord> owners(Instant to);

    /** The stored tallies of {@code key} in minutes {@code [fromMinute, toMinute)}, every region: the history a release is judged on. */
    List<Tally> tallies(String key, long fromMinute, long toMinute);

    /** A small key-value area for the coordinator's own state: pushed definitions, alert state. */
    Optional<String> setting(String key);

    void saveSetting(String key, String value);

    @Override
    void close();
}
