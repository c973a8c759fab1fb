package org.probefleet.coordinator.counting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.coordinator.store.TallyListener;
import org.probefleet.coordinator.store.TallySum;
import org.probefleet.wire.outcome.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How stored outcomes count for a set of SLOs: per (SLO, region, minute) counts kept by the store
 * next to the outcomes, recounted from the outcomes when an SLO's definition changed, handed to
 * the engine's {@link CountFeed} from {@code since} on when it (re)starts and then outcome by
 * outcome as they commit. SLOs are looked up by journey: an outcome costs the SLOs over its
 * journey, not all.
 */
public final class SloCounter implements TallyListener {

    private static final Logger LOG = LoggerFactory.getLogger(SloCounter.class);
    /** Minutes added up in memory before they are written, while recounting from stored outcomes. */
    static final int RECOUNT_FLUSH = 10_000;

    private final Map<String, CountedSlo> slos = new LinkedHashMap<>();
    private final Map<String, List<CountedSlo>> byJourney = new HashMap<>();
    private final Instant since;
    private final CountFeed feed;
    private Recount recount = new Recount(Set.of(), Set.of());
    private long recountedOutcomes;

    public SloCounter(Collection<CountedSlo> counted, Instant since, CountFeed feed) {
        counted.forEach(slo -> {
            slos.put(slo.name(), slo);
            slo.journey().ifPresent(id -> byJourney.computeIfAbsent(id, journey -> new ArrayList<>()).add(slo));
        });
        this.since = since;
        this.feed = feed;
    }

    /** How the outcome counts for each SLO over its journey and region (none for the others). */
    public List<MinuteCounts> countsOf(Outcome outcome) {
        List<MinuteCounts> counted = new ArrayList<>(1);
        for (CountedSlo slo : byJourney.getOrDefault(outcome.journey(), List.of())) {
            slo.classify(outcome).ifPresent(classification -> counted.add(MinuteCounts.of(slo.name(), outcome, classification)));
        }
        return counted;
    }

    /** Each SLO's fingerprint: what its stored counts are tagged with. */
    public Map<String, String> fingerprints() {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        slos.forEach((name, slo) -> fingerprints.put(name, slo.fingerprint()));
        return fingerprints;
    }

    @Override
    public List<Tally> talliesOf(Outcome outcome) {
        return countsOf(outcome).stream().map(MinuteCounts::toTally).toList();
    }

    /** Drops the counts of SLOs that are gone or changed, and recounts the changed ones from the outcomes since {@code since}. */
    @Override
    public void reconcile(Ledger ledger) {
        recount = Recount.between(fingerprints(), ledger.tags());
        recount.drop().forEach(ledger::forget);
        recount.recount().forEach(ledger::forget);
        recount.recount().forEach(slo -> ledger.tag(slo, slos.get(slo).fingerprint()));
        if (recount.recount().isEmpty()) {
            return;
        }
        TallySum sum = new TallySum();
        long[] outcomes = {0};
        ledger.forEachOutcomeSince(since, outcome -> {
            outcomes[0]++;
            countsOf(outcome).stream().filter(counted -> recount.recount().contains(counted.slo()))
                    .forEach(counted -> sum.add(counted.toTally()));
            if (sum.size() >= RECOUNT_FLUSH) {
                ledger.add(sum.drain());
            }
        });
        ledger.add(sum.drain());
        recountedOutcomes = outcomes[0];
    }

    @Override
    public void catchUp(Handover stored) {
        long[] minutes = {0};
        stored.forEachFrom(MinuteCounts.minuteOf(since), tally -> {
            if (slos.containsKey(tally.key())) {
                feed.minute(MinuteCounts.of(tally));
                minutes[0]++;
            }
        });
        feed.caughtUp();
        LOG.info("SLO counts ready: {} of {} SLOs recounted from {} stored outcomes, {} minutes since {} handed to the engine",
                recount.recount().size(), slos.size(), recountedOutcomes, minutes[0], since);
    }

    @Override
    public void added(List<Tally> tallies) {
        tallies.stream().filter(tally -> slos.containsKey(tally.key())).forEach(tally -> feed.minute(MinuteCounts.of(tally)));
    }

    @Override
    public void stored(Outcome outcome, List<Tally> tallies) {
        feed.stored(outcome, tallies.stream().map(MinuteCounts::of).toList());
    }
}
