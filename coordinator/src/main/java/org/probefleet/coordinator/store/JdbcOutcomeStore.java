package org.probefleet.coordinator.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;

/**
 * The outcome store over JDBC: SQLite (a file, the default) or PostgreSQL (shared, by URL).
 * Writes go through one group-committing writer thread ({@link GroupWriter}), with the tallies
 * of a {@link TallyListener} in the same transaction as the outcomes; reads through a pool.
 */
public final class JdbcOutcomeStore implements OutcomeStore {

    private final Database database;
    private final OutcomeTable outcomes;
    private final TallyTable tallies;
    private final SettingsTable settings;
    private final GroupWriter writer;

    private JdbcOutcomeStore(Database database, Clock clock) {
        this.database = database;
        this.outcomes = new OutcomeTable(database);
        this.tallies = new TallyTable(database);
        this.settings = new SettingsTable(database);
        this.writer = new GroupWriter(database, outcomes, tallies, clock);
    }

    /**
     * Opens {@code sqlite:PATH} (creating its folder), {@code jdbc:sqlite:PATH} or a
     * {@code jdbc:postgresql://} URL, and migrates the schema.
     */
    public static JdbcOutcomeStore open(String url, Clock clock) {
        return new JdbcOutcomeStore(Database.open(url), clock);
    }

    public String description() {
        return database.description;
    }

    @Override
    public CompletableFuture<BatchResult> append(List<Outcome> batch) {
        return writer.append(batch);
    }

    @Override
    public CompletableFuture<Void> addTallies(List<Tally> tallies) {
        return writer.addTallies(tallies);
    }

    @Override
    public CompletableFuture<Void> countWith(TallyListener listener) {
        return writer.countWith(listener);
    }

    @Override
    public Optional<Outcome> find(UUID runId) {
        return outcomes.find(runId);
    }

    @Override
    public List<Outcome> list(Query query) {
        return outcomes.list(query);
    }

    @Override
    public void forEachSince(Instant since, Consumer<Outcome> consumer) {
        outcomes.forEachSince(since, consumer);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        tallies.deleteBefore(cutoff);
        return outcomes.deleteBefore(cutoff);
    }

    @Override
    public Optional<String> setting(String key) {
        return settings.get(key);
    }

    @Override
    public void saveSetting(String key, String value) {
        settings.put(key, value);
    }

    @Override
    public void close() {
        writer.close();
        database.close();
    }
}
