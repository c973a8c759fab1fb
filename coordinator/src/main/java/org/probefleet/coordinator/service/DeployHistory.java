package org.probefleet.coordinator.service;

import java.time.Instant;
import java.util.List;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.release.CountsBetween;
import org.probefleet.coordinator.release.Deploy;
import org.probefleet.coordinator.release.DeployImpact;
import org.probefleet.coordinator.release.ReleaseEstimate;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.coordinator.store.Tally;
import org.probefleet.journeys.model.Slo;

/**
 * The recorded deploys read against the stored per-minute counts: what each deploy in an SLO's
 * window did to it, and the estimate for its next release.
 */
public final class DeployHistory {

    private final OutcomeStore store;

    public DeployHistory(OutcomeStore store) {
        this.store = store;
    }

    /** The deploys that touched {@code slo} in its window up to {@code now}, oldest first. */
    public List<Deploy> inWindow(Slo slo, Instant now) {
        return store.deploys(now.minus(slo.window()), now.plusMillis(1)).stream()
                .filter(deploy -> deploy.affects(slo.name(), slo.indicator().measuredJourney())).toList();
    }

    /** What each deploy in the SLO's window did to it, oldest first. */
    public List<DeployImpact> impacts(Slo slo, Instant now) {
        CountsBetween counts = counts(slo.name());
        return inWindow(slo, now).stream().map(deploy -> DeployImpact.of(deploy, counts, now)).toList();
    }

    /** The next release's estimate from the releases in the SLO's window and its budget now. */
    public ReleaseEstimate estimate(SloSnapshot snapshot) {
        ScopeResult global = snapshot.global();
        return ReleaseEstimate.of(snapshot.slo().name(), snapshot.policy(), snapshot.slo().errorBudget(), global.consumed(),
                global.budgetEvents(), impacts(snapshot.slo(), snapshot.at()));
    }

    /** The SLO's stored counts over {@code (from, to]}, every region: minute {@code k} holds {@code (k, k + 1]} minutes. */
    CountsBetween counts(String slo) {
        return (from, to) -> {
            Counts total = Counts.ZERO;
            for (Tally tally : store.tallies(slo, MinuteCounts.minuteOf(from) + 1, MinuteCounts.minuteOf(to) + 1)) {
                MinuteCounts minute = MinuteCounts.of(tally);
                total = total.plus(new Counts(minute.good(), minute.bad()));
            }
            return total;
        };
    }
}
