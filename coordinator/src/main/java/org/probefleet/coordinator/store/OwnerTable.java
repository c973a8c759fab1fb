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
import java.util.TreeMap;

/**
 * Each SLO's owner over time, one row per change seen at a definitions load: a few rows a
 * quarter, kept like deploy markers (outcome retention does not touch them).
 */
final class OwnerTable {

    private final Database database;

    OwnerTable(Database database) {
        this.database = database;
    }

    /** Adds a row for each SLO whose owner differs from its latest row, or that has none yet. */
    void record(Instant at, Map<String, String> owners) {
        Map<String, String> latest = new HashMap<>();
        before(Instant.MAX).forEach(row -> latest.put(row.slo(), row.owner()));
        new TreeMap<>(owners).forEach((slo, owner) -> {
            if (!owner.equals(latest.get(slo))) {
                database.update("INSERT INTO slo_owners (at, slo, owner) VALUES (?, ?, ?)", List.of(at.toEpochMilli(), slo, owner));
            }
        });
    }

    /** Rows before {@code to}, oldest first. */
    List<OwnerRecord> before(Instant to) {
        try (Connection connection = database.reader();
             PreparedStatement select = connection.prepareStatement("SELECT at, slo, owner FROM slo_owners WHERE at < ? ORDER BY at, slo")) {
            select.setLong(1, to.equals(Instant.MAX) ? Long.MAX_VALUE : to.toEpochMilli());
            List<OwnerRecord> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OwnerRecord(Instant.ofEpochMilli(result.getLong(1)), result.getString(2), result.getString(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read SLO owners from " + database.description, e);
        }
    }
}
