package org.probefleet.coordinator.slo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.PolicyState;
import org.probefleet.journeys.model.Slo;

/** Everything the engine knows about one SLO at one instant: global and per-region results and what fires. */
public record SloSnapshot(Slo slo, Policy policy, Instant at, ScopeResult global, List<ScopeResult> regions, Set<Alert> firing) {

    public SloSnapshot {
        regions = List.copyOf(regions);
        firing = Set.copyOf(firing);
    }

    /** The same numbers with what the SLO's memory settled on: the alerts still held and the global state within its band. */
    public SloSnapshot settled(Set<Alert> held, PolicyState globalState) {
        return new SloSnapshot(slo, policy, at, global.withState(globalState), regions, held);
    }
}
