package org.probefleet.coordinator.slo;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.probefleet.journeys.model.Slo;

/** Everything the engine knows about one SLO at one instant: global and per-region results and what fires. */
public record SloSnapshot(Slo slo, Instant at, ScopeResult global, List<ScopeResult> regions, Set<Alert> firing) {

    public SloSnapshot {
        regions = List.copyOf(regions);
        firing = Set.copyOf(firing);
    }
}
