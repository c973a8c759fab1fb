package org.probefleet.coordinator.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the SLOs over Prometheus ratios are read from: the server's URL (none = such SLOs get no
 * data), how long one query may take, and how long after a minute ends it is read, so the
 * scrapes of that minute have landed.
 */
public record PrometheusConfig(Optional<URI> url, Duration timeout, Duration delay) {

    /** One query's limit: a minute's reads must finish well within the minute. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than the usual 15s scrape interval, with room for a late scrape. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);
    public static final PrometheusConfig NONE = new PrometheusConfig(Optional.empty(), DEFAULT_TIMEOUT, DEFAULT_DELAY);
}
