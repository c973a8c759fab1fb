package org.probefleet.coordinator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The tallies and their keys' tags; writes go on the writer connection, inside its transaction. */
final class TallyTable {

    private static final long MINUTE_MILLIS = 60_000;

    private final Database database;

    TallyTable(Database database) {
        this.database = database;
    }

    /** Writers of a group add to the same rows: taking them in one order keeps two transactions from deadlocking. */
    private static final Comparator<Tally> PLACE_ORDER = Comparator.comparing(Tally::key).thenComparing(Tally::region)
            .thenComparingLong(Tally::minute);

    /** Adds each tally to the one stored in its place, or stores it. */
    void add(Collection<Tally> added) throws SQLException {
        if (added.isEmpty()) {
            return;
        }
        List<Tally> tallies = added.stream().sorted(PLACE_ORDER).toList();
        try (PreparedStatement upsert = database.writer.prepareStatement("INSERT INTO tallies (tally_key, region, minute, amount_1, "
                + "amount_2, amount_3, amount_4, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tally_key, region, minute) DO UPDATE "
                + "SET amount_1 = tallies.amount_1 + excluded.amount_1, amount_2 = tallies.amount_2 + excluded.amount_2, "
                + "amount_3 = tallies.amount_3 + excluded.amount_3, amount_4 = tallies.amount_4 + excluded.amount_4, "
                + "latest = " + database.dialect.greatest + "(tallies.latest, excluded.latest)")) {
            for (Tally tally : tallies) {
                upsert.setString(1, tally.key());
                upsert.setString(2, tally.region());
                upsert.setLong(3, tally.minute());
                for (int i = 0; i < Tally.AMOUNTS; i++) {
                    upsert.setLong(4 + i, tally.amounts().get(i));
                }
                upsert.setLong(4 + Tally.AMOUNTS, tally.latest().toEpochMilli());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    Map<String, String> tags() throws SQLException {
        Map<String, String> tags = new HashMap<>();
        try (Connection reader = database.reader();
             Statement statement = reader.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tally_key, tag FROM tally_tags")) {
            while (rows.next()) {
                tags.put(rows.getString(1), rows.getString(2));
            }
        }
        return tags;
    }

    void forget(String key) throws SQLException {
        for (String sql : List.of("DELETE FROM tallies WHERE tally_key = ?", "DELETE FROM tally_tags WHERE tally_key = ?")) {
            try (PreparedStatement delete = database.writer.prepareStatement(sql)) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
        }
    }

    void tag(String key, String tag) throws SQLException {
        try (PreparedStatement insert = database.writer.prepareStatement("INSERT INTO tally_tags (tally_key, tag) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, tag);
            insert.executeUpdate();
        }
    }

    /** The committed tallies of minute {@code from} or later, ordered by key, region and minute. */
    void forEachFrom(long from, Consumer<Tally> each) throws SQLException {
        try (Connection reader = database.reader()) {
            forEachFrom(reader, from, each);
        }
    }

    /** The same, read on {@code reader}: inside the snapshot a group member's hand-over reads in. */
    void forEachFrom(Connection reader, long from, Consumer<Tally> each) throws SQLException {
        try (PreparedStatement select = reader.prepareStatement("SELECT tally_key, region, minute, amount_1, amount_2, amount_3, "
                     + "amount_4, latest FROM tallies WHERE minute >= ? ORDER BY tally_key, region, minute")) {
            select.setFetchSize(1000);
            select.setLong(1, from);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<Long> amounts = new ArrayList<>(Tally.AMOUNTS);
                    for (int i = 0; i < Tally.AMOUNTS; i++) {
                        amounts.add(rows.getLong(4 + i));
                    }
                    each.accept(new Tally(rows.getString(1), rows.getString(2), rows.getLong(3), amounts,
                            Instant.ofEpochMilli(rows.getLong(4 + Tally.AMOUNTS))));
                }
            }
        }
    }

    /** The committed tallies of {@code key} from minute {@code from} up to (not including) minute {@code to}, every region. */
    List<Tally> between(String key, long from, long to) throws SQLException {
        List<Tally> found = new ArrayList<>();
        try (Connection reader = database.reader();
             PreparedStatement select = reader.prepareStatement("SELECT region, minute, amount_1, amount_2, amount_3, amount_4, latest "
                     + "FROM tallies WHERE tally_key = ? AND minute >= ? AND minute < ? ORDER BY minute, region")) {
            select.setString(1, key);
            select.setLong(2, from);
            select.setLong(3, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    List<Long> amounts = new ArrayList<>(Tally.AMOUNTS);
                    for (int i = 0; i < Tally.AMOUNTS; i++) {
                        amounts.add(rows.getLong(3 + i));
                    }
                    found.add(new Tally(key, rows.getString(1), rows.getLong(2), amounts, Instant.ofEpochMilli(rows.getLong(3 + Tally.AMOUNTS))));
                }
            }
        }
        return found;
    }

    /** Drops the minutes wholly before {@code cutoff}. */
    int deleteBefore(Instant cutoff) {
        return database.update("DELETE FROM tallies WHERE minute < ?", List.of(Math.floorDiv(cutoff.toEpochMilli(), MINUTE_MILLIS)));
    }
}
