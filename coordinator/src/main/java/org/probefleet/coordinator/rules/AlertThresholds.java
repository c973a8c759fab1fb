package org.probefleet.coordinator.rules;

import java.util.List;
import org.probefleet.coordinator.slo.AlertWindows;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.journeys.model.Slo;

/**
 * The multiwindow burn-rate conditions an SLO alerts on, as the generated rules and OpenSLO
 * documents state them. The one place the generators learn the engine's pairs and thresholds, so
 * they follow the engine when its table changes.
 */
final class AlertThresholds {

    /** Both windows burning faster than {@code burnRate} raise {@code severity}. */
    record Condition(Severity severity, Window longWindow, Window shortWindow, double burnRate) {
    }

    private AlertThresholds() {
    }

    /** The engine's conditions for {@code slo}, in the engine's order (pages first). */
    static List<Condition> of(Slo slo) {
        return AlertWindows.forPeriod(slo.window()).stream()
                .map(rule -> new Condition(rule.severity(), rule.longWindow(), rule.shortWindow(), rule.threshold()))
                .toList();
    }
}
