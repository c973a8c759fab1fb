package org.probefleet.coordinator.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Each journey's last run per region and its flakiness over the last day, read from the store: the journeys page and its API. */
public final class JourneyStatus {

    /** One journey: the latest outcome per region, and the day's successes and those that needed a retry. */
    public record Row(Journey journey, Map<String, Optional<Outcome>> lastRuns, long successes, long retriedSuccesses) {
    }

    /** Successes of the last day read at most per journey. */
    static final int SUCCESSES_READ = 10_000;

    private JourneyStatus() {
    }

    /** @param fleetRegions regions with agents: a journey without a region list runs in each */
    public static List<Row> read(Collection<Journey> journeys, Collection<String> fleetRegions, OutcomeStore store, Instant now) {
        List<Row> rows = new ArrayList<>();
        for (Journey journey : journeys) {
            TreeSet<String> regions = new TreeSet<>(journey.regions());
            fleetRegions.stream().filter(journey::runsIn).forEach(regions::add);
            Map<String, Optional<Outcome>> lastRuns = new TreeMap<>();
            for (String region : regions) {
                lastRuns.put(region, store.list(new OutcomeStore.Query(Optional.of(journey.id()), Optional.of(region), Optional.empty(),
                        Optional.empty(), Optional.empty(), 1)).stream().findFirst());
            }
            List<Outcome> successes = store.list(new OutcomeStore.Query(Optional.of(journey.id()), Optional.empty(), Optional.of(OutcomeStatus.SUCCESS),
                    Optional.of(now.minus(Duration.ofDays(1))), Optional.empty(), SUCCESSES_READ));
            rows.add(new Row(journey, lastRuns, successes.size(), successes.stream().filter(outcome -> outcome.attempts() > 1).count()));
        }
        return rows;
    }
}
