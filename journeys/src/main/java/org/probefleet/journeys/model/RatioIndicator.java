package org.probefleet.journeys.model;

import java.util.Optional;

/**
 * Good and total events from two PromQL queries, each read as a per-second rate (as
 * {@code sum(rate(x[5m]))} gives): the SLI is numerator / denominator.
 */
public record RatioIndicator(String numerator, String denominator) implements Indicator {

    public RatioIndicator {
        numerator = numerator.strip();
        denominator = denominator.strip();
        if (numerator.isEmpty() || denominator.isEmpty()) {
            throw new IllegalArgumentException("a ratio indicator needs a numerator and a denominator query");
        }
    }

    @Override
    public String type() {
        return RATIO;
    }

    @Override
    public Optional<String> measuredJourney() {
        return Optional.empty();
    }
}
