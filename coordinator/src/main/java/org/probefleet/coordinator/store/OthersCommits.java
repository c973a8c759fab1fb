package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;

/**
 * The outcomes the other members of a group commit, each handed on once. Commit stamps are the
 * database's clock when the row was written, a little before it commits: each read goes back
 * {@link #MARGIN} before the previous one began and skips the run ids already handed on, so a
 * transaction that commits late is still caught. The hand-over of the stored tallies reads, in
 * the same snapshot, which of those outcomes the tallies already hold, so none counts twice.
 */
final class OthersCommits {

    /** Longer than any writer transaction lasts between its insert and its commit. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    /** Reads the stored tallies on the connection it is given. */
    interface SnapshotRead {
        void read(Connection snapshot) throws SQLException;
    }

    private final Database database;
    private final String member;
    /** Run ids handed on (or in the tallies) with their commit stamps, down to {@link #from}. */
    private final Map<String, Long> seen = new HashMap<>();
    /** Where the next read starts; none before the first hand-over. */
    private long from = Long.MIN_VALUE;

    OthersCommits(Database database, String member) {
        this.database = database;
        this.member = member;
    }

    /** Runs {@code tallies} in one snapshot with a read of what it already holds; no {@link #poll} runs meanwhile. */
    synchronized void handOver(SnapshotRead tallies) throws SQLException {
        try (Connection snapshot = database.reader()) {
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long mark = now(snapshot);
                tallies.read(snapshot);
                seen.clear();
                from = mark - MARGIN.toMillis();
                read(snapshot, (runId, body) -> {
                });
                snapshot.commit();
            } catch (SQLException | RuntimeException e) {
                snapshot.rollback();
                throw e;
            }
        }
    }

    /** Hands on each outcome another member committed since the last poll (or hand-over); none before the first hand-over. */
    synchronized void poll(Consumer<Outcome> each) {
        if (from == Long.MIN_VALUE) {
            return;
        }
        try (Connection connection = database.reader()) {
            long mark = now(connection);
            read(connection, (runId, body) -> each.accept(OutcomeTable.parse(body)));
            from = mark - MARGIN.toMillis();
            seen.values().removeIf(stamp -> stamp < from);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outcomes of the group from " + database.description + ": " + e.getMessage(), e);
        }
    }

    private interface Fresh {
        void accept(String runId, String body);
    }

    private void read(Connection connection, Fresh fresh) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT run_id, committed_at, body FROM outcomes WHERE committed_at >= ? AND committed_by <> ?")) {
            select.setFetchSize(1000);
            select.setLong(1, from);
            select.setString(2, member);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (seen.putIfAbsent(rows.getString(1), rows.getLong(2)) == null) {
                        fresh.accept(rows.getString(1), rows.getString(3));
                    }
                }
            }
        }
    }

    private long now(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + database.dialect.nowMillis)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
