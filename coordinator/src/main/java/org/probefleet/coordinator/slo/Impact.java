package org.probefleet.coordinator.slo;

import java.util.OptionalDouble;
import org.probefleet.journeys.model.BusinessImpact;

/**
 * Burn stated in money and users: consumed % × the SLO's revenue per 1% of budget, and the
 * error ratio × users per hour over the window. Zero with no business impact configured.
 */
public record Impact(double revenueAtRisk, String currency, OptionalDouble usersAffected) {

    public static final Impact NONE = new Impact(0, BusinessImpact.DEFAULT_CURRENCY, OptionalDouble.empty());

    static Impact of(BusinessImpact impact, double consumed, double errorRatio, double windowHours) {
        double revenue = Math.max(0, consumed) * 100 * impact.perPercentOfBurn();
        OptionalDouble users = impact.usersPerHour().isPresent()
                ? OptionalDouble.of(errorRatio * impact.usersPerHour().getAsDouble() * windowHours)
                : OptionalDouble.empty();
        return new Impact(revenue, impact.currency(), users);
    }
}
