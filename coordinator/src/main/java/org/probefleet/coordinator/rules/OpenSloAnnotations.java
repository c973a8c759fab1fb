package org.probefleet.coordinator.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.PathGlob;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.spec.OpenSloNames;

/** The annotations of an exported SLO: what OpenSLO has no field for, so the document loads back as the same SLO. */
final class OpenSloAnnotations {

    private OpenSloAnnotations() {
    }

    static ObjectNode of(Slo slo) {
        ObjectNode annotations = JsonNodeFactory.instance.objectNode();
        annotations.put(OpenSloNames.INDICATOR, slo.indicator().type());
        slo.indicator().measuredJourney().ifPresent(journey -> annotations.put(OpenSloNames.JOURNEY, journey));
        slo.indicator().latencyThreshold().ifPresent(limit -> annotations.put(OpenSloNames.LATENCY_THRESHOLD, Durations.format(limit)));
        annotations.put(OpenSloNames.ALERT_QUORUM, Integer.toString(slo.alertQuorum()));
        annotations.put(OpenSloNames.MIN_EVENTS, Integer.toString(slo.minEvents()));
        annotations.put(OpenSloNames.POLICY, slo.policy());
        slo.businessImpact().ifPresent(impact -> {
            annotations.put(OpenSloNames.PER_PERCENT_OF_BURN, plain(impact.perPercentOfBurn()));
            annotations.put(OpenSloNames.CURRENCY, impact.currency());
            impact.usersPerHour().ifPresent(users -> annotations.put(OpenSloNames.USERS_PER_HOUR, plain(users)));
        });
        slo.notificationThreshold().ifPresent(share -> annotations.put(OpenSloNames.NOTIFICATION_THRESHOLD, Ratios.percent(share)));
        if (!slo.criticalPaths().isEmpty()) {
            annotations.put(OpenSloNames.CRITICAL_PATHS, String.join(",", slo.criticalPaths().stream().map(PathGlob::pattern).toList()));
        }
        return annotations;
    }

    /** 45000 rather than 45000.0 or 4.5E4. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
