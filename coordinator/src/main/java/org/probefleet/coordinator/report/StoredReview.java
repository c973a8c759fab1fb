package org.probefleet.coordinator.report;

import java.time.Duration;
import java.time.Instant;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.replay.RecordedMinute;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Slo;

/**
 * The quarterly review from what a coordinator stored: the outcomes of journey SLOs, the minute
 * counts of ratio and rum SLOs (the same the engine started from), the deploys and the owners,
 * each from as far back as the review's engine needs.
 */
public final class StoredReview {

    private StoredReview() {
    }

    public static QuarterlyReview.Review of(OutcomeStore store, Definitions definitions, Quarter quarter, Instant now) {
        QuarterlyReview review = new QuarterlyReview(definitions, quarter, store.deploys(quarter.start(), quarter.end()),
                store.owners(quarter.end()));
        Duration longest = definitions.slos().stream().map(Slo::window).max(Duration::compareTo).orElse(Slo.DEFAULT_WINDOW);
        store.forEachSince(quarter.start().minus(longest), review::add);
        long end = MinuteCounts.minuteOf(quarter.end()) + 1;
        for (Slo slo : definitions.slos()) {
            if (RecordedMinute.counts(slo)) {
                store.tallies(slo.name(), MinuteCounts.minuteOf(quarter.start().minus(slo.window())), end).stream()
                        .map(MinuteCounts::of).forEach(review::add);
            }
        }
        return review.finish(now);
    }
}
