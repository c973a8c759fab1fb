package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The coordinator's small key-value area: pushed definitions, alert state. */
final class SettingsTable {

    private final Database database;

    SettingsTable(Database database) {
        this.database = database;
    }

    Optional<String> get(String key) {
        try (Connection connection = database.reader();
             PreparedStatement statement = connection.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read setting " + key + " from " + database.description, e);
        }
    }

    void put(String key, String value) {
        database.update("DELETE FROM settings WHERE name = ?", List.of(key));
        database.update("INSERT INTO settings (name, value) VALUES (?, ?)", List.of(key, value));
    }
}
