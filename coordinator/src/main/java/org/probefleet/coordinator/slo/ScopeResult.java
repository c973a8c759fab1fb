package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.model.PolicyState;

/**
 * An SLO evaluated over one scope ({@code global}, or one region's own events) at one instant.
 * {@code sli} is NaN with no events in the SLO window; {@code consumed} may exceed 1.
 */
public record ScopeResult(String scope, Counts sloWindow, double sli, double consumed, double remaining,
                          Map<String, Double> burn, Map<String, Long> events, Optional<Duration> timeToExhaustion,
                          PolicyState state, Impact impact, boolean pageCondition, boolean ticketCondition,
                          boolean noData) {

    public static final String GLOBAL = "global";

    public ScopeResult {
        burn = Collections.unmodifiableMap(new LinkedHashMap<>(burn));
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    public double burn(Window window) {
        return burn.getOrDefault(window.name(), 0.0);
    }
}
