package org.probefleet.coordinator.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;

/**
 * Whoever counts stored outcomes, fed by the store on its one writer thread in commit order:
 * first it reconciles the stored tallies with how it counts (in one transaction), then it reads
 * them back, then it hears of each batch as it commits. A batch commits either before the
 * hand-over (and is in the tallies read) or after it (and is fed), never both and never neither:
 * so counts survive restarts without an outcome missed or counted twice.
 */
public interface TallyListener {

    /** What a newly stored outcome adds to the tallies; written in the same transaction as the outcome. */
    List<Tally> talliesOf(Outcome outcome);

    /** Brings the stored tallies in line with how this listener counts; committed before {@link #catchUp}. */
    void reconcile(Ledger ledger);

    /** Reads the committed tallies it needs; no batch commits meanwhile. */
    void catchUp(Handover stored);

    /** A new outcome that just committed, with {@link #talliesOf} as written, before its sender hears it is stored. */
    void stored(Outcome outcome, List<Tally> tallies);

    /** Tallies written without an outcome ({@link OutcomeStore#addTallies}), just committed. */
    void added(List<Tally> tallies);

    /** The stored tallies and outcomes, inside the transaction of a reconcile. */
    interface Ledger {

        /** The tag saved with each key: what the listener counted it by last time. */
        Map<String, String> tags();

        /** Drops a key's tallies and tag. */
        void forget(String key);

        void tag(String key, String tag);

        /** Every stored outcome started after {@code since}, in no particular order. */
        void forEachOutcomeSince(Instant since, Consumer<Outcome> each);

        /** Adds tallies to those stored in their places. */
        void add(Collection<Tally> tallies);
    }

    /** The committed tallies. */
    interface Handover {

        /** Every tally of minute {@code from} or later, ordered by key, region and minute. */
        void forEachFrom(long from, Consumer<Tally> each);
    }
}
