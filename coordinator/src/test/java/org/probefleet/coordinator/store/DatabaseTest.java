package org.probefleet.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    @DisplayName("after SQLite rolled a failed transaction back itself (a full disk), the writer commits again without a restart")
    void writerRecoversFromAnAutomaticRollback(@TempDir Path folder) throws Exception {
        try (Database database = Database.open("sqlite:" + folder.resolve("store.db"))) {
            try (Statement statement = database.writer.createStatement()) {
                statement.execute("CREATE TABLE probe (value INTEGER)");
                database.writer.commit();
                statement.execute("INSERT INTO probe VALUES (1)");
                // What SQLite does by itself when a write fails with an I/O error or SQLITE_FULL.
                statement.execute("ROLLBACK");
            }

            database.rollbackWriter();
            try (Statement statement = database.writer.createStatement()) {
                statement.execute("INSERT INTO probe VALUES (2)");
            }
            database.writer.commit();

            try (Connection reader = database.reader(); Statement statement = reader.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT group_concat(value) FROM probe")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("2");
            }
        }
    }
}
