package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of an HTTP step. With no status given, any 2xx passes. {@code jsonPath} maps a
 * path ({@code $.items[0].id}) to the value expected there, or to {@link #EXISTS} when any value will do.
 */
public record HttpExpect(Optional<Integer> status, Map<String, Object> jsonPath, Optional<String> bodyContains,
                         Optional<Duration> maxLatency) {

    /** Marks a JSON path that must merely be present. */
    public static final Object EXISTS = new Object() {
        @Override
        public String toString() {
            return "<exists>";
        }
    };

    public static final HttpExpect ANY_SUCCESS = new HttpExpect(Optional.empty(), Map.of(), Optional.empty(), Optional.empty());

    public HttpExpect {
        jsonPath = Map.copyOf(jsonPath);
    }
}
