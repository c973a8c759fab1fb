package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;

/** The outcomes table: inserts that tell resends from conflicts, and the reads of the drill-down and the engine. */
final class OutcomeTable {

    private final Database database;
    /** Who commits here, stamped on each outcome so the other members of a group can tell which to count. */
    private final String member;

    OutcomeTable(Database database, String member) {
        this.database = database;
        this.member = member;
    }

    /**
     * Inserts a batch on the writer connection, {@code bodies} its canonical JSON; a run id already
     * stored is compared with what arrived: equal is a duplicate, different a conflict. The common
     * case (all new) costs one batched insert and no lookups.
     */
    OutcomeStore.BatchResult insert(List<Outcome> batch, List<String> bodies, long receivedAt) throws SQLException {
        Map<UUID, String> bodyOf = new HashMap<>();
        List<Outcome> fresh = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = batch.get(i);
            String earlier = bodyOf.putIfAbsent(outcome.runId(), bodies.get(i));
            if (earlier == null) {
                fresh.add(outcome);
            } else if (!earlier.equals(bodies.get(i))) {
                throw new OutcomeStore.ConflictException(outcome.runId());
            } else {
                duplicates++;
            }
        }
        int[] inserted = insertNew(fresh, bodyOf, receivedAt);
        List<Outcome> stored = new ArrayList<>();
        try (PreparedStatement select = database.writer.prepareStatement("SELECT body FROM outcomes WHERE run_id = ?")) {
            for (int i = 0; i < fresh.size(); i++) {
                Outcome outcome = fresh.get(i);
                if (inserted[i] != 0) {
                    stored.add(outcome);
                    continue;
                }
                select.setString(1, outcome.runId().toString());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next() || !rows.getString(1).equals(bodyOf.get(outcome.runId()))) {
                        throw new OutcomeStore.ConflictException(outcome.runId());
                    }
                }
                duplicates++;
            }
        }
        return new OutcomeStore.BatchResult(stored.size(), duplicates, stored);
    }

    /** Inserts each outcome unless its run id is stored: 0 at the index of those that were. */
    private int[] insertNew(List<Outcome> fresh, Map<UUID, String> bodyOf, long receivedAt) throws SQLException {
        try (PreparedStatement insert = database.writer.prepareStatement("INSERT INTO outcomes (run_id, journey, region, agent, status, "
                + "started_at, duration_ms, received_at, body, committed_by, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + database.dialect.nowMillis + ") ON CONFLICT (run_id) DO NOTHING")) {
            for (Outcome outcome : fresh) {
                insert.setString(1, outcome.runId().toString());
                insert.setString(2, outcome.journey());
                insert.setString(3, outcome.region());
                insert.setString(4, outcome.agent());
                insert.setString(5, outcome.status().wireName());
                insert.setLong(6, outcome.startedAt().toEpochMilli());
                insert.setLong(7, outcome.durationMs());
                insert.setLong(8, receivedAt);
                insert.setString(9, bodyOf.get(outcome.runId()));
                insert.setString(10, member);
                insert.addBatch();
            }
            return insert.executeBatch();
        }
    }

    Optional<Outcome> find(UUID runId) {
        return query("SELECT body FROM outcomes WHERE run_id = ?", List.of(runId.toString())).stream().findFirst();
    }

    /** Newest first, outcomes of one start time by run id. */
    List<Outcome> list(OutcomeStore.Query query) {
        StringBuilder sql = new StringBuilder("SELECT body FROM outcomes WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.journey().ifPresent(journey -> condition(sql, parameters, " AND journey = ?", journey));
        query.region().ifPresent(region -> condition(sql, parameters, " AND region = ?", region));
        query.status().ifPresent(status -> condition(sql, parameters, " AND status = ?", status.wireName()));
        query.since().ifPresent(since -> condition(sql, parameters, " AND started_at >= ?", since.toEpochMilli()));
        query.before().ifPresent(before -> condition(sql, parameters, " AND started_at < ?", before.toEpochMilli()));
        query.after().ifPresent(after -> {
            // Past the position in the order below: started earlier, or at the same millisecond with a later run id.
            sql.append(" AND (started_at < ? OR (started_at = ? AND run_id > ?))");
            parameters.addAll(List.of(after.startedAt().toEpochMilli(), after.startedAt().toEpochMilli(), after.runId().toString()));
        });
        sql.append(" ORDER BY started_at DESC, run_id LIMIT ").append(Math.max(1, query.limit()));
        return query(sql.toString(), parameters);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        sql.append(clause);
        parameters.add(value);
    }

    /** Every outcome started after {@code since}, oldest first. */
    void forEachSince(Instant since, Consumer<Outcome> consumer) {
        forEach("SELECT body FROM outcomes WHERE started_at > ? ORDER BY started_at", since, consumer);
    }

    /** Every outcome started after {@code since} as the database finds them: no sort for a recount that only adds up. */
    void forEachSinceUnordered(Instant since, Consumer<Outcome> consumer) {
        forEach("SELECT body FROM outcomes WHERE started_at > ?", since, consumer);
    }

    private void forEach(String sql, Instant since, Consumer<Outcome> consumer) {
        try (Connection connection = database.reader();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(1000);
            statement.setLong(1, since.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(parse(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read outcomes from " + database.description, e);
        }
    }

    int deleteBefore(Instant cutoff) {
        return database.update("DELETE FROM outcomes WHERE started_at < ?", List.of(cutoff.toEpochMilli()));
    }

    private List<Outcome> query(String sql, List<Object> parameters) {
        List<Outcome> found = new ArrayList<>();
        try (Connection connection = database.reader();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Database.bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(parse(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store query failed on " + database.description + ": " + e.getMessage(), e);
        }
        return found;
    }

    static Outcome parse(String body) {
        List<String> problems = new ArrayList<>();
        return OutcomeJson.readText(body, "", problems)
                .orElseThrow(() -> new IllegalStateException("stored outcome no longer reads: " + problems));
    }
}
