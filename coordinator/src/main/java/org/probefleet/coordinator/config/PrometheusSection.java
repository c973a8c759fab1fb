package org.probefleet.coordinator.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;

/**
 * The {@code prometheus:} part of {@code coordinator.yaml} ({@code url}, {@code timeout},
 * {@code delay}), with the flags and variables {@code prometheus.url}… that override it.
 */
final class PrometheusSection {

    static final List<String> KEYS = List.of("url", "timeout", "delay");

    private PrometheusSection() {
    }

    static PrometheusConfig read(Optional<Section> file, Map<String, String> overrides, Diagnostics diagnostics) {
        file.ifPresent(section -> section.allowOnly(KEYS));
        Optional<URI> url = value(file, overrides, "url").flatMap(text -> {
            try {
                URI uri = new URI(text.strip());
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            report(file, overrides, "url", diagnostics, "prometheus url '" + text + "' must be an http(s) URL like http://127.0.0.1:9090");
            return Optional.empty();
        });
        Duration timeout = duration(file, overrides, "timeout", PrometheusConfig.DEFAULT_TIMEOUT, diagnostics);
        Duration delay = duration(file, overrides, "delay", PrometheusConfig.DEFAULT_DELAY, diagnostics);
        return new PrometheusConfig(url, timeout, delay);
    }

    private static Optional<String> value(Optional<Section> file, Map<String, String> overrides, String key) {
        String override = overrides.get("prometheus." + key);
        return override != null ? Optional.of(override) : file.flatMap(section -> section.text(key));
    }

    private static Duration duration(Optional<Section> file, Map<String, String> overrides, String key, Duration fallback,
                                     Diagnostics diagnostics) {
        return value(file, overrides, key).map(text -> Durations.parse(text).filter(parsed -> !parsed.isZero()).orElseGet(() -> {
            report(file, overrides, key, diagnostics, "prometheus " + key + " '" + text + "' must be a duration above 0s, like 30s");
            return fallback;
        })).orElse(fallback);
    }

    private static void report(Optional<Section> file, Map<String, String> overrides, String key, Diagnostics diagnostics, String message) {
        Optional<org.yaml.snakeyaml.nodes.Node> at = overrides.containsKey("prometheus." + key) ? Optional.empty()
                : file.flatMap(section -> section.node(key));
        at.ifPresentOrElse(node -> diagnostics.error(node, message), () -> diagnostics.error(1, 1, message));
    }
}
