package org.probefleet.coordinator.prometheus;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Prometheus' instant query API: the one seam the ratio poller reads through. */
public interface PrometheusQueries {

    /** One series of a query's result at one instant. */
    record Sample(Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    /** The samples of {@code query} evaluated at {@code at} (none when it matches nothing); throws when Prometheus does not answer. */
    List<Sample> query(String query, Instant at) throws IOException;

    /** Over HTTP: {@code GET URL/api/v1/query}. */
    static PrometheusQueries http(URI url, Duration timeout) {
        return new HttpPrometheus(url, timeout);
    }
}
