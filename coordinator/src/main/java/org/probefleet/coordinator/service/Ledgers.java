package org.probefleet.coordinator.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.probefleet.coordinator.budget.BudgetLedger;
import org.probefleet.coordinator.counting.MinuteCounts;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.store.OutcomeStore;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.OutcomeStatus;

/** An SLO's budget ledger from the store: its per-minute counts over the window, its deploys and its listed failures. */
public final class Ledgers {

    /** Failed runs read for the step breakdown; the rest count as not listed. */
    public static final int FAILURES_LISTED = 10_000;

    private final OutcomeStore store;
    private final DeployHistory deploys;

    public Ledgers(OutcomeStore store, DeployHistory deploys) {
        this.store = store;
        this.deploys = deploys;
    }

    public BudgetLedger ledger(SloSnapshot snapshot) {
        Slo slo = snapshot.slo();
        Instant now = snapshot.at();
        Instant start = now.minus(slo.window());
        List<BudgetLedger.Minute> minutes = store.tallies(slo.name(), MinuteCounts.minuteOf(start) + 1, MinuteCounts.minuteOf(now) + 1)
                .stream().map(MinuteCounts::of).map(minute -> new BudgetLedger.Minute(Instant.ofEpochSecond(minute.minute() * 60),
                        minute.region(), minute.good(), minute.failed(), minute.slow())).toList();
        // A ratio SLO has no runs of its own: its failures are not steps of a journey.
        List<BudgetLedger.FailedRun> failures = slo.indicator().measuredJourney().map(journey -> store.list(new OutcomeStore.Query(
                        Optional.of(journey), Optional.empty(), Optional.of(OutcomeStatus.FAILURE), Optional.of(start), Optional.empty(),
                        FAILURES_LISTED)).stream()
                .map(run -> new BudgetLedger.FailedRun(run.startedAt(), run.region(), run.failedStep().orElse("(no step)"))).toList())
                .orElse(List.of());
        return BudgetLedger.of(minutes, deploys.inWindow(slo, now), failures, snapshot.global().budgetEvents(), slo.errorBudget(),
                slo.window(), now);
    }
}
