package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.probefleet.journeys.yaml.Origin;

/**
 * A user journey as its file defines it. {@code regions} empty means every region;
 * {@code javaClass} names a {@code BrowserJourney} on the agent's classpath instead of steps.
 */
public record Journey(String id, String description, String owner, Schedule schedule, List<String> regions,
                      Duration timeout, int retries, Mode mode, Optional<String> baseUrl, Kind kind,
                      List<Step> steps, Optional<String> javaClass, Origin origin) {

    /** The default when a file gives no schedule. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
    /** The default whole-journey timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public Journey {
        regions = List.copyOf(regions);
        steps = List.copyOf(steps);
        if (!Names.isId(id)) {
            throw new IllegalArgumentException("journey id must match [a-z0-9-]+, got '" + id + "'");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative, got " + retries);
        }
        if (steps.isEmpty() == javaClass.isEmpty()) {
            throw new IllegalArgumentException("journey '" + id + "' needs either steps or a class, not both or neither");
        }
    }

    /** Everything that defines the journey's behaviour, without where it was written: a version's input. */
    public String withoutOrigin() {
        return List.of(id, description, owner, schedule, regions, timeout, retries, mode, baseUrl, kind, steps, javaClass).toString();
    }

    public boolean runsIn(String region) {
        return regions.isEmpty() || regions.contains(region);
    }
}
