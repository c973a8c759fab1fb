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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome store over JDBC: SQLite (a file, the default) or PostgreSQL (shared, by URL).
 * One writer thread commits every batch waiting at that moment in a single transaction
 * (group commit), each batch under its own savepoint so one bad batch fails alone, with the
 * per-minute counts of the SLO engine ({@link Counting}) in the same transaction.
 */
public final class JdbcOutcomeStore implements OutcomeStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOutcomeStore.class);
    /** Batches committed together at most: bounds one transaction's size and latency. */
    static final int MAX_GROUP = 64;

    /** What the writer thread does, in the order asked. */
    private sealed interface Task permits Pending, Recount {
    }

    /** A batch and its canonical JSON, rendered by the caller so the one writer thread does only database work. */
    private record Pending(List<Outcome> batch, List<String> bodies, CompletableFuture<BatchResult> result) implements Task {
    }

    private record Recount(Counting counting, Instant since, CompletableFuture<Void> done) implements Task {
    }

    /** A batch written (not yet committed), with how each of its new outcomes counted, in the order of {@code result.stored()}. */
    private record Written(BatchResult result, List<List<Counting.Counted>> counts) {
    }

    /** One row of {@code minute_counts}. */
    private record MinuteKey(String slo, String region, long minute) {
    }

    private static final long MINUTE_MILLIS = 60_000;
    /** Minutes tallied in memory before they are written, while recounting from stored outcomes. */
    private static final int RECOUNT_FLUSH = 10_000;

    private final Dialect dialect;
    private final String description;
    private final HikariDataSource readers;
    private final Connection writer;
    private final Clock clock;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private volatile boolean closed;
    /** Touched by the writer thread only. */
    private Counting counting;

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
            queue.add(new Pending(List.copyOf(batch), batch.stream().map(outcome -> OutcomeJson.write(outcome).toString()).toList(),
                    result));
        }
        return result;
    }

    @Override
    public CompletableFuture<Void> countWith(Counting counting, Instant since) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("store is closed"));
        } else {
            queue.add(new Recount(counting, since, done));
        }
        return done;
    }

    private void writeLoop() {
        List<Task> tasks = new ArrayList<>();
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Task first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                tasks.clear();
                tasks.add(first);
                queue.drainTo(tasks, MAX_GROUP - 1);
                group.clear();
                for (Task task : tasks) {
                    if (task instanceof Pending pending) {
                        group.add(pending);
                    } else if (task instanceof Recount recount) {
                        commit(group);
                        group.clear();
                        recount(recount);
                    }
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        List<Object> results = new ArrayList<>(group.size());
        try {
            for (Pending pending : group) {
                Savepoint savepoint = writer.setSavepoint();
                try {
                    results.add(write(pending));
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
            if (results.get(i) instanceof Written written) {
                feed(written);
                group.get(i).result().complete(written.result());
            } else {
                group.get(i).result().completeExceptionally((Throwable) results.get(i));
            }
        }
    }

    /**
     * Inserts a batch; a run id already stored is compared with what arrived: equal is a duplicate,
     * different a conflict. The common case (all new) costs one batched insert and no lookups.
     */
    private Written write(Pending pending) throws SQLException {
        List<Outcome> batch = pending.batch();
        List<Outcome> stored = new ArrayList<>();
        int duplicates = 0;
        Map<UUID, String> bodies = new HashMap<>();
        List<Outcome> fresh = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = batch.get(i);
            String body = pending.bodies().get(i);
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
        List<List<Counting.Counted>> counted = new ArrayList<>(stored.size());
        if (counting != null && !stored.isEmpty()) {
            Map<MinuteKey, long[]> counts = new HashMap<>();
            for (Outcome outcome : stored) {
                List<Counting.Counted> ways = counting.countsOf(outcome);
                ways.forEach(way -> tally(counts, outcome, way));
                counted.add(ways);
            }
            writeCounts(counts);
        }
        return new Written(new BatchResult(stored.size(), duplicates, stored), counted);
    }

    /** Hands committed outcomes to the engine, counted as they were for the minute counts, before their sender hears they are stored. */
    private void feed(Written written) {
        List<Outcome> stored = written.result().stored();
        if (counting == null) {
            return;
        }
        try {
            for (int i = 0; i < stored.size(); i++) {
                counting.stored(stored.get(i), written.counts().get(i));
            }
        } catch (RuntimeException e) {
            LOG.error("the SLO engine failed to count {} stored outcomes", stored.size(), e);
        }
    }

    /**
     * Switches to another way of counting (the definitions changed): recounts the SLOs whose
     * fingerprint changed from the stored outcomes since {@code since}, forgets the SLOs that are
     * gone, then hands every stored minute since then to the engine.
     */
    private void recount(Recount task) {
        Counting next = task.counting();
        try {
            Map<String, String> wanted = next.fingerprints();
            Map<String, String> known = new HashMap<>();
            // Reads go through their own connections: a read on the writer's would pin a snapshot that
            // a concurrent settings write makes stale, and SQLite then refuses the writer's next write.
            try (Connection reader = readers.getConnection();
                 Statement statement = reader.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT slo, fingerprint FROM counted_slos")) {
                while (rows.next()) {
                    known.put(rows.getString(1), rows.getString(2));
                }
            }
            Set<String> stale = new HashSet<>();
            wanted.forEach((slo, fingerprint) -> {
                if (!fingerprint.equals(known.get(slo))) {
                    stale.add(slo);
                }
            });
            Set<String> forgotten = new HashSet<>(stale);
            known.keySet().stream().filter(slo -> !wanted.containsKey(slo)).forEach(forgotten::add);
            try (PreparedStatement counts = writer.prepareStatement("DELETE FROM minute_counts WHERE slo = ?");
                 PreparedStatement slos = writer.prepareStatement("DELETE FROM counted_slos WHERE slo = ?");
                 PreparedStatement fingerprints = writer.prepareStatement("INSERT INTO counted_slos (slo, fingerprint) VALUES (?, ?)")) {
                for (String slo : forgotten) {
                    counts.setString(1, slo);
                    counts.executeUpdate();
                    slos.setString(1, slo);
                    slos.executeUpdate();
                }
                for (String slo : stale) {
                    fingerprints.setString(1, slo);
                    fingerprints.setString(2, wanted.get(slo));
                    fingerprints.executeUpdate();
                }
            }
            long outcomes = stale.isEmpty() ? 0 : recountFromOutcomes(next, stale, task.since());
            writer.commit();
            long minutes = handOver(next, task.since());
            next.caughtUp();
            counting = next;
            LOG.info("SLO counts ready: {} of {} SLOs recounted from {} stored outcomes, {} minutes since {} handed to the engine",
                    stale.size(), wanted.size(), outcomes, minutes, task.since());
            task.done().complete(null);
        } catch (SQLException | RuntimeException e) {
            LOG.error("recounting the SLOs on {} failed", description, e);
            try {
                writer.rollback();
            } catch (SQLException rollback) {
                LOG.error("rollback failed on {}", description, rollback);
            }
            task.done().completeExceptionally(e);
        }
    }

    private long recountFromOutcomes(Counting next, Set<String> slos, Instant since) throws SQLException {
        Map<MinuteKey, long[]> counts = new HashMap<>();
        long outcomes = 0;
        try (Connection reader = readers.getConnection();
             PreparedStatement select = reader.prepareStatement("SELECT body FROM outcomes WHERE started_at > ?")) {
            select.setFetchSize(1000);
            select.setLong(1, since.toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Outcome outcome = parse(rows.getString(1));
                    outcomes++;
                    next.countsOf(outcome).stream().filter(counted -> slos.contains(counted.slo()))
                            .forEach(counted -> tally(counts, outcome, counted));
                    if (counts.size() >= RECOUNT_FLUSH) {
                        writeCounts(counts);
                        counts.clear();
                    }
                }
            }
        }
        writeCounts(counts);
        return outcomes;
    }

    private long handOver(Counting next, Instant since) throws SQLException {
        long minutes = 0;
        try (Connection reader = readers.getConnection();
             PreparedStatement select = reader.prepareStatement("SELECT slo, region, good, failed, slow, prober_error, last_started_at "
                     + "FROM minute_counts WHERE minute >= ? ORDER BY slo, region, minute")) {
            select.setFetchSize(1000);
            select.setLong(1, minuteOf(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    next.minute(new Counting.Minute(rows.getString(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(7)),
                            rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6)));
                    minutes++;
                }
            }
        }
        return minutes;
    }

    /** Adds one counted outcome to its minute: good, failed, slow, prober_error, and the latest start. */
    private static void tally(Map<MinuteKey, long[]> counts, Outcome outcome, Counting.Counted counted) {
        long[] tally = counts.computeIfAbsent(new MinuteKey(counted.slo(), outcome.region(), minuteOf(outcome.startedAt())),
                key -> new long[5]);
        switch (counted.classification()) {
            case GOOD -> tally[0]++;
            case BAD -> tally[1]++;
            case SLOW -> tally[2]++;
            case PROBER_ERROR -> tally[3]++;
            case SHADOW -> {
                // counts nothing, but shows the journey ran
            }
        }
        tally[4] = Math.max(tally[4], outcome.startedAt().toEpochMilli());
    }

    private void writeCounts(Map<MinuteKey, long[]> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = writer.prepareStatement("INSERT INTO minute_counts (slo, region, minute, good, failed, slow, "
                + "prober_error, last_started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slo, region, minute) DO UPDATE SET "
                + "good = minute_counts.good + excluded.good, failed = minute_counts.failed + excluded.failed, "
                + "slow = minute_counts.slow + excluded.slow, prober_error = minute_counts.prober_error + excluded.prober_error, "
                + "last_started_at = " + dialect.greatest + "(minute_counts.last_started_at, excluded.last_started_at)")) {
            for (Map.Entry<MinuteKey, long[]> entry : counts.entrySet()) {
                MinuteKey key = entry.getKey();
                long[] tally = entry.getValue();
                upsert.setString(1, key.slo());
                upsert.setString(2, key.region());
                upsert.setLong(3, key.minute());
                for (int i = 0; i < tally.length; i++) {
                    upsert.setLong(4 + i, tally[i]);
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Minute k holds (k, k + 1] minutes since the epoch, like the engine's buckets: windows are closed at their end. */
    static long minuteOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli() - 1, MINUTE_MILLIS);
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
        update("DELETE FROM minute_counts WHERE minute < ?", List.of(Math.floorDiv(cutoff.toEpochMilli(), MINUTE_MILLIS)));
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
