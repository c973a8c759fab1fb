package org.probefleet.coordinator.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one store, its schema migrated: one writer connection, used by the writer
 * thread alone and never in auto-commit, and a pool of readers for everything else.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    final Dialect dialect;
    final String description;
    final Connection writer;
    private final HikariDataSource readers;

    private Database(Dialect dialect, String jdbcUrl, String description) throws SQLException {
        this.dialect = dialect;
        this.description = description;
        this.writer = DriverManager.getConnection(jdbcUrl);
        try (Statement statement = writer.createStatement()) {
            for (String sql : dialect.connectionSetup) {
                statement.execute(sql);
            }
        }
        Migrations.apply(writer);
        writer.setAutoCommit(false);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? 4 : 8);
        config.setPoolName("probefleet-readers");
        if (dialect == Dialect.SQLITE) {
            config.setConnectionInitSql("PRAGMA busy_timeout=10000");
        }
        this.readers = new HikariDataSource(config);
    }

    /**
     * Opens {@code sqlite:PATH} (creating its folder), {@code jdbc:sqlite:PATH} or a
     * {@code jdbc:postgresql://} URL, and migrates the schema.
     */
    static Database open(String url) {
        try {
            if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
                String path = url.substring(url.indexOf("sqlite:") + "sqlite:".length());
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return new Database(Dialect.SQLITE, "jdbc:sqlite:" + path, "SQLite " + path);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return new Database(Dialect.POSTGRESQL, url, "PostgreSQL " + hidePassword(url));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + url, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open store " + hidePassword(url) + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("store '" + url + "' is not supported: use sqlite:PATH or jdbc:postgresql://HOST:PORT/DB?user=...");
    }

    private static String hidePassword(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    /**
     * A connection of its own for a read or a small auto-committed write: a read on the writer's
     * would pin a snapshot that a concurrent settings write makes stale, and SQLite then refuses
     * the writer's next write.
     */
    Connection reader() throws SQLException {
        return readers.getConnection();
    }

    /** Runs one auto-committed statement on a reader connection; returns the rows it changed. */
    int update(String sql, List<Object> parameters) {
        try (Connection connection = reader();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("store update failed on " + description + ": " + e.getMessage(), e);
        }
    }

    static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /**
     * Undoes the writer's open transaction after a failure, which the caller reports. After an I/O
     * error or a full disk SQLite has already rolled the transaction back itself: the driver's
     * rollback then fails before it begins the next transaction, and every later commit would fail
     * ("no transaction is active") until a restart, so that transaction is begun here.
     */
    void rollbackWriter() {
        try {
            writer.rollback();
        } catch (SQLException rollback) {
            if (dialect == Dialect.SQLITE && beginAgain()) {
                LOG.warn("the failed transaction on {} was already rolled back; the writer continues", description);
                return;
            }
            LOG.error("rollback failed on {}", description, rollback);
        }
    }

    private boolean beginAgain() {
        try (Statement statement = writer.createStatement()) {
            statement.execute("BEGIN");
            return true;
        } catch (SQLException stillInTransaction) {
            return false;
        }
    }

    @Override
    public void close() {
        readers.close();
        try {
            writer.close();
        } catch (SQLException e) {
            LOG.warn("closing the writer connection of {} failed", description, e);
        }
    }
}
