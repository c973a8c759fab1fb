package org.probefleet.journeys.model;

import java.util.OptionalDouble;

/** Turns budget burn into money (per 1% of the window's budget) and, optionally, users affected per hour of errors. */
public record BusinessImpact(double perPercentOfBurn, String currency, OptionalDouble usersPerHour) {

    public static final String DEFAULT_CURRENCY = "USD";

    public BusinessImpact {
        if (perPercentOfBurn < 0) {
            throw new IllegalArgumentException("per_percent_of_burn must not be negative, got " + perPercentOfBurn);
        }
    }
}
