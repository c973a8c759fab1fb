package org.probefleet.coordinator.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.probefleet.coordinator.release.Deploy;
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
    private final DeployTable deploys;
    private final OwnerTable owners;
    private final GroupWriter writer;
    private final Optional<GroupStore> group;

    private JdbcOutcomeStore(Database database, Clock clock) {
        this.database = database;
        String member = UUID.randomUUID().toString().substring(0, 8);
        this.outcomes = new OutcomeTable(database, member);
        this.tallies = new TallyTable(database);
        this.settings = new SettingsTable(database);
        this.deploys = new DeployTable(database);
        this.owners = new OwnerTable(database);
        OthersCommits others = database.dialect == Dialect.POSTGRESQL ? new OthersCommits(database, member) : null;
        this.writer = new GroupWriter(database, outcomes, tallies, clock, others);
        this.group = Optional.ofNullable(others).map(shared -> new GroupStore(member, database, shared));
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

    /** What coordinators sharing this store share beyond outcomes: on PostgreSQL, which a group of them can share; empty on SQLite. */
    public Optional<GroupStore> group() {
        return group;
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
    public void recordDeploy(Deploy deploy) {
        deploys.add(deploy);
    }

    @Override
    public List<Deploy> deploys(Instant from, Instant to) {
        return deploys.between(from, to);
    }

    @Override
    public void recordOwners(Instant at, Map<String, String> owners) {
        this.owners.record(at, owners);
    }

    @Override
    public List<OwnerRecord> owners(Instant to) {
        return owners.before(to);
    }

    @Override
    public List<Tally> tallies(String key, long fromMinute, long toMinute) {
        try {
            return tallies.between(key, fromMinute, toMinute);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the tallies of " + key + " from " + database.description, e);
        }
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
