package org.probefleet.coordinator.view;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.ScopeResult;

/** The JSON shapes of engine results and events, shared by replay and the API. */
public final class EngineJson {

    private EngineJson() {
    }

    /**
     * {@code {"slo", "region", "sli", "consumed", "remaining", "budget_basis", "planned_events", "burn": {...}, "state", ...}};
     * sli is null without events, planned_events without a fixed schedule.
     */
    public static ObjectNode scope(String slo, ScopeResult scope) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("slo", slo).put("region", scope.scope());
        if (Double.isNaN(scope.sli())) {
            json.putNull("sli");
        } else {
            json.put("sli", scope.sli());
        }
        json.put("consumed", scope.consumed()).put("remaining", scope.remaining());
        // What consumed is a share of: the planned runs of the window while fewer were observed (a fresh SLO), else the observed.
        json.put("budget_basis", scope.budgetBasis().wireName());
        if (scope.plannedEvents() > 0) {
            json.put("planned_events", scope.plannedEvents());
        } else {
            json.putNull("planned_events");
        }
        json.set("burn", burn(scope.burn()));
        json.put("state", scope.state().name());
        ObjectNode events = json.putObject("events");
        scope.events().forEach(events::put);
        events.put("slo_window", scope.sloWindow().total());
        scope.timeToExhaustion().ifPresentOrElse(d -> json.put("time_to_exhaustion_seconds", d.toSeconds()),
                () -> json.putNull("time_to_exhaustion_seconds"));
        ObjectNode impact = json.putObject("impact").put("revenue_at_risk", scope.impact().revenueAtRisk())
                .put("currency", scope.impact().currency());
        scope.impact().usersAffected().ifPresent(users -> impact.put("users_affected", users));
        return json;
    }

    public static ObjectNode event(EngineEvent event) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("at", event.at().toString());
        if (event instanceof EngineEvent.AlertFiring firing) {
            json.put("type", "alert_firing").put("slo", event.slo()).put("region", firing.alert().scope())
                    .put("severity", firing.alert().severity().wireName()).put("alert", firing.alert().kind().wireName());
            ScopeResult scope = scopeOf(firing.snapshot(), firing.alert().scope());
            json.set("burn", burn(scope.burn()));
            json.put("consumed", scope.consumed()).put("remaining", scope.remaining());
        } else if (event instanceof EngineEvent.AlertResolved resolved) {
            json.put("type", "alert_resolved").put("slo", event.slo()).put("region", resolved.alert().scope())
                    .put("severity", resolved.alert().severity().wireName()).put("alert", resolved.alert().kind().wireName());
        } else if (event instanceof EngineEvent.StateChange change) {
            json.put("type", "state_change").put("slo", event.slo()).put("region", ScopeResult.GLOBAL)
                    .put("from", change.from()).put("to", change.to()).put("consumed", change.consumed());
        } else if (event instanceof EngineEvent.ThresholdCrossed crossed) {
            json.put("type", "threshold_crossed").put("slo", event.slo()).put("region", ScopeResult.GLOBAL)
                    .put("threshold", crossed.threshold()).put("consumed", crossed.consumed());
        }
        return json;
    }

    private static ScopeResult scopeOf(org.probefleet.coordinator.slo.SloSnapshot snapshot, String scope) {
        if (scope.equals(ScopeResult.GLOBAL)) {
            return snapshot.global();
        }
        return snapshot.regions().stream().filter(r -> r.scope().equals(scope)).findFirst().orElse(snapshot.global());
    }

    private static ObjectNode burn(Map<String, Double> burn) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        org.probefleet.coordinator.slo.Window.BURN_WINDOWS.forEach(window -> json.put(window.name(), burn.get(window.name())));
        return json;
    }
}
