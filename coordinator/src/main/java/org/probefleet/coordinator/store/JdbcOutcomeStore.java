package org.probefleet.coordinator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.probefleet.journeys.outcome.Outcome;
import org.probefleet.journeys.outcome.OutcomeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome store over JDBC: SQLite (a file, the default) or PostgreSQL (shared, by URL).
 * One writer thread commits every batch waiting at that moment in a single transaction
 * (group commit), each batch under its own savepoint so one bad batch fails alone.
 */
public final class JdbcOutcomeStore implements OutcomeStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutcomeStore.class);
    /** Batches committed together at most: bounds one transaction's size and latency. */
    static final int MAX_GROUP = 64;

    private record Pending(List<Outcome> batch, CompletableFuture<BatchResult> result) {
    }

    private final Dialect dialect;
    private final String description;
    private final HikariDataSource readers;
    private final Connection writer;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private volatile boolean closed;

    private JdbcOutcomeStore(Dialect dialect, String jdbcUrl, String description, Clock clock) throws SQLException {
        this.dialect = dialect;
        this.description = description;
        this.clock = clock;
        this.writer = DriverManager.getConnection(jdbcUrl);
        setUp(writer);
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
        this.writerThread = new Thread(this::writeLoop, "store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /**
     * Opens {@code sqlite:PATH} (creating its folder), {@code jdbc:sqlite:PATH} or a
     * {@code jdbc:postgresql://} URL, and migrates the schema.
     */
    public static JdbcOutcomeStore open(String url, Clock clock) {
        try {
            if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
                String path = url.substring(url.indexOf("sqlite:") + "sqlite:".length());
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return new JdbcOutcomeStore(Dialect.SQLITE, "jdbc:sqlite:" + path, "SQLite " + path, clock);
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return new JdbcOutcomeStore(Dialect.POSTGRESQL, url, "PostgreSQL " + url.replaceAll("password=[^&]*", "password=***"), clock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + url, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open store " + url.replaceAll("password=[^&]*", "password=***") + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("store '" + url + "' is not supported: use sqlite:PATH or jdbc:postgresql://HOST:PORT/DB?user=...");
    }

    public String description() {
        return description;
    }

    private void setUp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.connectionSetup) {
                statement.execute(sql);
            }
        }
    }

    @Override
    public CompletableFuture<BatchResult> append(List<Outcome> batch) {
        CompletableFuture<BatchResult> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("store is closed"));
        } else if (batch.isEmpty()) {
            result.complete(new BatchResult(0, 0, List.of()));
        } else {
            queue.add(new Pending(List.copyOf(batch), result));
        }
        return result;
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.clear();
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Pending> group) {
        List<Object> results = new ArrayList<>(group.size());
        try {
            for (Pending pending : group) {
                Savepoint savepoint = writer.setSavepoint();
                try {
                    results.add(write(pending.batch()));
                    writer.releaseSavepoint(savepoint);
                } catch (ConflictException e) {
                    writer.rollback(savepoint);
                    results.add(e);
                }
            }
            writer.commit();
        } catch (SQLException e) {
            LOG.error("store commit of {} batches failed on {}", group.size(), description, e);
            try {
                writer.rollback();
            } catch (SQLException rollback) {
                LOG.error("rollback failed on {}", description, rollback);
            }
            group.forEach(pending -> pending.result().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            if (results.get(i) instanceof BatchResult batchResult) {
                group.get(i).result().complete(batchResult);
            } else {
                group.get(i).result().completeExceptionally((Throwable) results.get(i));
            }
        }
    }

    /**
     * Inserts a batch; a run id already stored is compared with what arrived: equal is a duplicate,
     * different a conflict. The common case (all new) costs one batched insert and no lookups.
     */
    private BatchResult write(List<Outcome> batch) throws SQLException {
        List<Outcome> stored = new ArrayList<>();
        int duplicates = 0;
        Map<UUID, String> bodies = new HashMap<>();
        List<Outcome> fresh = new ArrayList<>();
        for (Outcome outcome : batch) {
            String body = OutcomeJson.write(outcome).toString();
            String earlier = bodies.putIfAbsent(outcome.runId(), body);
            if (earlier == null) {
                fresh.add(outcome);
            } else if (!earlier.equals(body)) {
                throw new ConflictException(outcome.runId());
            } else {
                duplicates++;
            }
        }
        long now = clock.millis();
        int[] inserted;
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO outcomes (run_id, journey, region, agent, status, "
                + "started_at, duration_ms, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING")) {
            for (Outcome outcome : fresh) {
                insert.setString(1, outcome.runId().toString());
                insert.setString(2, outcome.journey());
                insert.setString(3, outcome.region());
                insert.setString(4, outcome.agent());
                insert.setString(5, outcome.status().wireName());
                insert.setLong(6, outcome.startedAt().toEpochMilli());
                insert.setLong(7, outcome.durationMs());
                insert.setLong(8, now);
                insert.setString(9, bodies.get(outcome.runId()));
                insert.addBatch();
            }
            inserted = insert.executeBatch();
        }
        try (PreparedStatement select = writer.prepareStatement("SELECT body FROM outcomes WHERE run_id = ?")) {
            for (int i = 0; i < fresh.size(); i++) {
                Outcome outcome = fresh.get(i);
                if (inserted[i] != 0) {
                    stored.add(outcome);
                    continue;
                }
                select.setString(1, outcome.runId().toString());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next() || !rows.getString(1).equals(bodies.get(outcome.runId()))) {
                        throw new ConflictException(outcome.runId());
                    }
                }
                duplicates++;
            }
        }
        return new BatchResult(stored.size(), duplicates, stored);
    }

    @Override
    public Optional<Outcome> find(UUID runId) {
        List<Outcome> found = query("SELECT body FROM outcomes WHERE run_id = ?", List.of(runId.toString()));
        return found.stream().findFirst();
    }

    @Override
    public List<Outcome> list(Query query) {
        StringBuilder sql = new StringBuilder("SELECT body FROM outcomes WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        query.journey().ifPresent(journey -> condition(sql, parameters, " AND journey = ?", journey));
        query.region().ifPresent(region -> condition(sql, parameters, " AND region = ?", region));
        query.status().ifPresent(status -> condition(sql, parameters, " AND status = ?", status));
        query.since().ifPresent(since -> condition(sql, parameters, " AND started_at >= ?", since.toEpochMilli()));
        query.before().ifPresent(before -> condition(sql, parameters, " AND started_at < ?", before.toEpochMilli()));
        sql.append(" ORDER BY started_at DESC, run_id LIMIT ").append(Math.max(1, query.limit()));
        return query(sql.toString(), parameters);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        sql.append(clause);
        parameters.add(value);
    }

    @Override
    public void forEachSince(Instant since, Consumer<Outcome> consumer) {
        try (Connection connection = readers.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT body FROM outcomes WHERE started_at > ? ORDER BY started_at")) {
            statement.setFetchSize(1000);
            statement.setLong(1, since.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(parse(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read outcomes from " + description, e);
        }
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        return update("DELETE FROM outcomes WHERE started_at < ?", List.of(cutoff.toEpochMilli()));
    }

    @Override
    public Optional<String> setting(String key) {
        try (Connection connection = readers.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read setting " + key + " from " + description, e);
        }
    }

    @Override
    public void saveSetting(String key, String value) {
        update("DELETE FROM settings WHERE name = ?", List.of(key));
        update("INSERT INTO settings (name, value) VALUES (?, ?)", List.of(key, value));
    }

    private int update(String sql, List<Object> parameters) {
        try (Connection connection = readers.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("store update failed on " + description + ": " + e.getMessage(), e);
        }
    }

    private List<Outcome> query(String sql, List<Object> parameters) {
        List<Outcome> found = new ArrayList<>();
        try (Connection connection = readers.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(parse(rows.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("store query failed on " + description + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static Outcome parse(String body) {
        List<String> problems = new ArrayList<>();
        try {
            return OutcomeJson.read(OutcomeJson.MAPPER.readTree(body), "", problems)
                    .orElseThrow(() -> new IllegalStateException("stored outcome no longer reads: " + problems));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored outcome is not JSON", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.close();
        try {
            writer.close();
        } catch (SQLException e) {
            LOG.warn("closing the writer connection of {} failed", description, e);
        }
    }
}
