package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.probefleet.coordinator.release.Deploy;

/** Deploy markers, kept apart from outcomes: they are few, written by CI, and never deleted by outcome retention. */
final class DeployTable {

    private final Database database;

    DeployTable(Database database) {
        this.database = database;
    }

    void add(Deploy deploy) {
        database.update("INSERT INTO deploys (id, version, at, by_name, link, slos, services) VALUES (?, ?, ?, ?, ?, ?, ?)",
                List.of(deploy.id().toString(), deploy.version(), deploy.at().toEpochMilli(), deploy.by(), deploy.link().orElse(""),
                        String.join(",", deploy.slos()), String.join(",", deploy.services())));
    }

    /** Deploys at or after {@code from} and before {@code to}, oldest first. */
    List<Deploy> between(Instant from, Instant to) {
        try (Connection connection = database.reader();
             PreparedStatement select = connection.prepareStatement("SELECT id, version, at, by_name, link, slos, services FROM deploys "
                     + "WHERE at >= ? AND at < ? ORDER BY at, id")) {
            select.setLong(1, from.toEpochMilli());
            select.setLong(2, to.toEpochMilli());
            List<Deploy> deploys = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String link = rows.getString(5);
                    deploys.add(new Deploy(UUID.fromString(rows.getString(1)), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                            rows.getString(4), link.isEmpty() ? Optional.empty() : Optional.of(link), names(rows.getString(6)),
                            names(rows.getString(7))));
                }
            }
            return deploys;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read deploys from " + database.description, e);
        }
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
