package org.probefleet.coordinator.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A release marker: which version went out when, by whom, and what it touched. {@code slos} names
 * SLOs directly; {@code services} names journeys (a service is known by the journey that probes it).
 * A deploy that names neither touched everything.
 */
public record Deploy(UUID id, String version, Instant at, String by, Optional<String> link, List<String> slos, List<String> services) {

    /** Longest version, name or link accepted: a marker, not a changelog. */
    public static final int MAX_TEXT = 200;

    public Deploy {
        slos = List.copyOf(slos);
        services = List.copyOf(services);
        require(version, "version");
        require(by, "by");
        link.ifPresent(url -> {
            if (!url.startsWith("https://") && !url.startsWith("http://") || url.length() > MAX_TEXT) {
                throw new IllegalArgumentException("link '" + url + "' must be an http(s) URL of at most " + MAX_TEXT + " characters");
            }
        });
    }

    private static void require(String text, String field) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " '" + text + "' must be 1 to " + MAX_TEXT + " characters");
        }
    }

    /** Whether this deploy touched the SLO {@code slo}, over {@code journey} when it measures one. */
    public boolean affects(String slo, java.util.Optional<String> journey) {
        return slos.isEmpty() && services.isEmpty() || slos.contains(slo) || journey.filter(services::contains).isPresent();
    }
}
