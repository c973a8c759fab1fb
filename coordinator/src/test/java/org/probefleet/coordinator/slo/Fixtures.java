package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.model.BusinessImpact;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.yaml.Origin;

/** SLOs and synthetic traffic for engine tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private Fixtures() {
    }

    public static Slo slo(double target, Duration window, int quorum, int minEvents) {
        return new Slo("checkout-slo", "", "payments", new JourneyIndicator("checkout", Optional.of(Duration.ofSeconds(8))),
                target, window, quorum, minEvents, Policy.DEFAULT_NAME,
                Optional.of(new BusinessImpact(45_000, "USD", OptionalDouble.of(3200))), OptionalDouble.of(0.2),
                new Origin("test.yaml", 1, 1));
    }

    /** Per-region series built from events added one step apart. */
    public static final class Traffic {
        final Map<String, ExactSeries.Builder> builders = new HashMap<>();

        public Traffic add(String region, Instant from, Instant toExclusive, Duration every, Classification kind) {
            ExactSeries.Builder builder = builders.computeIfAbsent(region, r -> new ExactSeries.Builder());
            for (Instant at = from; at.isBefore(toExclusive); at = at.plus(every)) {
                builder.add(at, kind);
            }
            return this;
        }

        public SloInput input(Slo slo, List<String> regions) {
            return input(slo, regions, Optional.empty());
        }

        /** With each region planned to run every {@code runInterval}: budgets count the planned runs while fewer were seen. */
        public SloInput input(Slo slo, List<String> regions, Optional<Duration> runInterval) {
            Map<String, SeriesCounts> built = new HashMap<>();
            builders.forEach((region, builder) -> built.put(region, builder.build()));
            return new SloInput(slo, Policy.DEFAULT, regions, region -> built.getOrDefault(region, SeriesCounts.EMPTY),
                    Duration.ofMinutes(3), T0.minus(Duration.ofDays(40)), runInterval);
        }
    }
}
