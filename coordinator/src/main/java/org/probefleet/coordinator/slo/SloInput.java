package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;

/**
 * What evaluating an SLO needs: its policy, the regions it is expected in, each region's
 * series, how long a region may stay silent before it is {@code no_data}, and since when the
 * engine has been watching (a region never seen is only missing once that long has passed).
 */
public record SloInput(Slo slo, Policy policy, List<String> regions, Function<String, SeriesCounts> series,
                       Duration noDataAfter, Instant watchingSince) {

    public SloInput {
        regions = regions.stream().sorted().distinct().toList();
    }
}
