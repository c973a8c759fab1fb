package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The agents' latest heartbeats, whichever member of a group heard them: what makes assignments agree. */
final class HeartbeatTable {

    private final Database database;

    HeartbeatTable(Database database) {
        this.database = database;
    }

    /** Keeps each heartbeat unless a later one of the same agent is stored. */
    void save(List<GroupStore.StoredHeartbeat> heartbeats) {
        if (heartbeats.isEmpty()) {
            return;
        }
        try (Connection connection = database.reader();
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO heartbeats (agent, region, status, received_at) "
                     + "VALUES (?, ?, ?, ?) ON CONFLICT (agent) DO UPDATE SET region = excluded.region, status = excluded.status, "
                     + "received_at = excluded.received_at WHERE heartbeats.received_at < excluded.received_at")) {
            for (GroupStore.StoredHeartbeat heartbeat : heartbeats) {
                Database.bind(upsert, List.of(heartbeat.agent(), heartbeat.region(), heartbeat.status(),
                        heartbeat.receivedAt().toEpochMilli()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save heartbeats on " + database.description + ": " + e.getMessage(), e);
        }
    }

    List<GroupStore.StoredHeartbeat> all() {
        List<GroupStore.StoredHeartbeat> found = new ArrayList<>();
        try (Connection connection = database.reader();
             PreparedStatement select = connection.prepareStatement("SELECT agent, region, status, received_at FROM heartbeats");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(new GroupStore.StoredHeartbeat(rows.getString(1), rows.getString(2), rows.getString(3),
                        Instant.ofEpochMilli(rows.getLong(4))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read heartbeats from " + database.description + ": " + e.getMessage(), e);
        }
        return found;
    }
}
