package org.probefleet.coordinator.store;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's one writer thread. It commits every batch waiting at that moment in a single
 * transaction (group commit), each batch under its own savepoint so one bad batch fails alone,
 * with the batch's tallies from the {@link TallyListener} in the same transaction; and it feeds
 * the listener in commit order, so a switch of listener falls between two commits.
 */
final class GroupWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupWriter.class);
    /** Batches committed together at most: bounds one transaction's size and latency. */
    static final int MAX_GROUP = 64;
    /** The advisory lock the members of a group reconcile the shared tallies under. */
    private static final long RECONCILE_LOCK = 0x70726f6265L;

    /** What the writer thread does, in the order asked. */
    private sealed interface Task permits Pending, Switch, Counted {
    }

    /** A batch and its canonical JSON, rendered by the caller so the one writer thread does only database work. */
    private record Pending(List<Outcome> batch, List<String> bodies, CompletableFuture<OutcomeStore.BatchResult> result) implements Task {
    }

    private record Switch(TallyListener listener, CompletableFuture<Void> done) implements Task {
    }

    /** Tallies counted from outside the store (a Prometheus ratio's minutes), written in their own transaction. */
    private record Counted(List<Tally> tallies, CompletableFuture<Void> done) implements Task {
    }

    /** A batch written (not yet committed), with the tallies of each of its new outcomes, in the order of {@code result.stored()}. */
    private record Written(OutcomeStore.BatchResult result, List<List<Tally>> tallies) {
    }

    private final Database database;
    private final OutcomeTable outcomes;
    private final TallyTable tallies;
    private final Clock clock;
    /** The other members' commits, on a store shared by a group; null on a store of its own. */
    private final OthersCommits others;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /** Touched by the writer thread only. */
    private TallyListener listener;

    GroupWriter(Database database, OutcomeTable outcomes, TallyTable tallies, Clock clock, OthersCommits others) {
        this.database = database;
        this.outcomes = outcomes;
        this.tallies = tallies;
        this.clock = clock;
        this.others = others;
        this.thread = new Thread(this::writeLoop, "store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<OutcomeStore.BatchResult> append(List<Outcome> batch) {
        CompletableFuture<OutcomeStore.BatchResult> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("store is closed"));
        } else if (batch.isEmpty()) {
            result.complete(new OutcomeStore.BatchResult(0, 0, List.of()));
        } else {
            queue.add(new Pending(List.copyOf(batch), batch.stream().map(outcome -> OutcomeJson.write(outcome).toString()).toList(),
                    result));
        }
        return result;
    }

    CompletableFuture<Void> countWith(TallyListener next) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("store is closed"));
        } else {
            queue.add(new Switch(next, done));
        }
        return done;
    }

    CompletableFuture<Void> addTallies(List<Tally> added) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("store is closed"));
        } else {
            queue.add(new Counted(List.copyOf(added), done));
        }
        return done;
    }

    private void writeLoop() {
        List<Task> tasks = new ArrayList<>();
        List<Pending> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Task first = queue.poll(200, TimeUnit.MILLISECONDS);
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
                    } else if (task instanceof Switch next) {
                        commit(group);
                        group.clear();
                        switchTo(next);
                    } else if (task instanceof Counted counted) {
                        commit(group);
                        group.clear();
                        commit(counted);
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
        // The tallies of the whole group in one write, in place order: two members of a group adding to the same minutes
        // batch by batch would take the rows' locks in different orders and deadlock.
        TallySum groupTallies = new TallySum();
        try {
            for (Pending pending : group) {
                Savepoint savepoint = database.writer.setSavepoint();
                try {
                    Written written = write(pending);
                    written.tallies().forEach(groupTallies::addAll);
                    results.add(written);
                    database.writer.releaseSavepoint(savepoint);
                } catch (OutcomeStore.ConflictException e) {
                    database.writer.rollback(savepoint);
                    results.add(e);
                }
            }
            tallies.add(groupTallies.drain());
            database.writer.commit();
        } catch (SQLException e) {
            LOG.error("store commit of {} batches failed on {}", group.size(), database.description, e);
            database.rollbackWriter();
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

    private Written write(Pending pending) throws SQLException {
        OutcomeStore.BatchResult result = outcomes.insert(pending.batch(), pending.bodies(), clock.millis());
        List<List<Tally>> added = new ArrayList<>(result.stored().size());
        if (listener != null) {
            for (Outcome outcome : result.stored()) {
                added.add(listener.talliesOf(outcome));
            }
        }
        return new Written(result, added);
    }

    /** Hands committed outcomes to the listener, with their tallies as written, before their sender hears they are stored. */
    private void feed(Written written) {
        List<Outcome> stored = written.result().stored();
        if (listener == null) {
            return;
        }
        try {
            for (int i = 0; i < stored.size(); i++) {
                listener.stored(stored.get(i), written.tallies().get(i));
            }
        } catch (RuntimeException e) {
            LOG.error("the tally listener failed to take {} stored outcomes", stored.size(), e);
        }
    }

    /** Writes tallies counted elsewhere, then hands them to the listener as committed. */
    private void commit(Counted counted) {
        try {
            tallies.add(counted.tallies());
            database.writer.commit();
        } catch (SQLException | RuntimeException e) {
            LOG.error("storing {} counted tallies on {} failed", counted.tallies().size(), database.description, e);
            database.rollbackWriter();
            counted.done().completeExceptionally(e);
            return;
        }
        if (listener != null) {
            try {
                listener.added(counted.tallies());
            } catch (RuntimeException e) {
                LOG.error("the tally listener failed to take {} counted tallies", counted.tallies().size(), e);
            }
        }
        counted.done().complete(null);
    }

    /** Lets the next listener reconcile the tallies, commits, hands them over, then feeds it every later batch. */
    private void switchTo(Switch task) {
        try {
            if (others != null) {
                // Members starting together would each recount the same SLOs into the shared tallies: one at a time.
                try (java.sql.Statement lock = database.writer.createStatement()) {
                    lock.execute("SELECT pg_advisory_xact_lock(" + RECONCILE_LOCK + ")");
                }
            }
            task.listener().reconcile(new WriterLedger());
            database.writer.commit();
            if (others == null) {
                task.listener().catchUp((from, each) -> run(() -> tallies.forEachFrom(from, each)));
            } else {
                others.handOver(snapshot -> task.listener().catchUp((from, each) -> run(() -> tallies.forEachFrom(snapshot, from, each))));
            }
            listener = task.listener();
            task.done().complete(null);
        } catch (SQLException | RuntimeException e) {
            LOG.error("bringing the tallies on {} up to date failed", database.description, e);
            database.rollbackWriter();
            task.done().completeExceptionally(e);
        }
    }

    /** A statement that may fail with an {@link SQLException}. */
    private interface Sql {
        void run() throws SQLException;
    }

    private void run(Sql sql) {
        try {
            sql.run();
        } catch (SQLException e) {
            throw new IllegalStateException("store update failed on " + database.description + ": " + e.getMessage(), e);
        }
    }

    /** The ledger of a reconcile: writes in the writer's open transaction, reads through reader connections. */
    private final class WriterLedger implements TallyListener.Ledger {

        @Override
        public Map<String, String> tags() {
            try {
                return tallies.tags();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the tally tags from " + database.description, e);
            }
        }

        @Override
        public void forget(String key) {
            run(() -> tallies.forget(key));
        }

        @Override
        public void tag(String key, String tag) {
            run(() -> tallies.tag(key, tag));
        }

        @Override
        public void forEachOutcomeSince(Instant since, Consumer<Outcome> each) {
            outcomes.forEachSinceUnordered(since, each);
        }

        @Override
        public void add(Collection<Tally> added) {
            run(() -> tallies.add(added));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
