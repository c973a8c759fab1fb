package org.probefleet.coordinator.slo;

import java.time.Instant;
import java.util.Map;

/**
 * What the engine must remember across a coordinator restart: each SLO's alert tracker, and
 * since when it has been watching (a region never heard from since then stays {@code no_data}).
 */
public record EngineMemory(Map<String, AlertTracker.Memory> trackers, Instant watchingSince) {

    public EngineMemory {
        trackers = Map.copyOf(trackers);
    }
}
