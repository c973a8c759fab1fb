package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A lease row per role, timed by the database's clock, with a fencing token that grows whenever
 * the holder changes: a holder that lost its lease (paused, cut off) can no longer write what
 * only the holder may write, because its token is no longer the row's.
 */
final class Leases {

    private final Database database;

    Leases(Database database) {
        this.database = database;
    }

    /** Takes or renews lease {@code name} for {@code holder}; its token while it holds it, empty when another does. */
    OptionalLong hold(String name, String holder, Duration length) {
        String now = database.dialect.nowMillis;
        String sql = "INSERT INTO leases (name, holder, token, expires_at) VALUES (?, ?, 1, " + now + " + ?) ON CONFLICT (name) DO UPDATE "
                + "SET holder = excluded.holder, expires_at = excluded.expires_at, "
                + "token = CASE WHEN leases.holder = excluded.holder THEN leases.token ELSE leases.token + 1 END "
                + "WHERE leases.holder = excluded.holder OR leases.expires_at < " + now + " RETURNING token";
        try (Connection connection = database.reader();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            Database.bind(statement, List.of(name, holder, length.toMillis()));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the lease " + name + " on " + database.description + ": " + e.getMessage(), e);
        }
    }

    /** Gives the lease up at once, so another member need not wait for it to run out. */
    void release(String name, String holder) {
        database.update("UPDATE leases SET expires_at = 0 WHERE name = ? AND holder = ?", List.of(name, holder));
    }

    /**
     * Saves a setting only while lease {@code name} still carries {@code token}: the row is locked
     * while the setting is written, so a takeover comes wholly before (and this is refused) or after.
     */
    boolean putFenced(String name, long token, String key, String value) {
        try (Connection connection = database.reader()) {
            connection.setAutoCommit(false);
            try {
                boolean holds = holds(connection, name, token);
                if (holds) {
                    for (String sql : List.of("DELETE FROM settings WHERE name = ?", "INSERT INTO settings (name, value) VALUES (?, ?)")) {
                        try (PreparedStatement statement = connection.prepareStatement(sql)) {
                            Database.bind(statement, sql.startsWith("DELETE") ? List.of(key) : List.of(key, value));
                            statement.executeUpdate();
                        }
                    }
                }
                connection.commit();
                return holds;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save setting " + key + " on " + database.description + ": " + e.getMessage(), e);
        }
    }

    private static boolean holds(Connection connection, String name, long token) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT token FROM leases WHERE name = ? FOR UPDATE")) {
            lock.setString(1, name);
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next() && rows.getLong(1) == token;
            }
        }
    }
}
