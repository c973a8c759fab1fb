package org.probefleet.coordinator.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code rum:} part of {@code coordinator.yaml} ({@code sites}, {@code rate_limit_per_second},
 * {@code global_rate_limit_per_second}), with the flags and variables {@code rum.sites}… that
 * override it. On a flag, sites are {@code KEY=ORIGIN|ORIGIN@SAMPLE}, comma-separated.
 */
final class RumSection {

    static final List<String> KEYS = List.of("sites", "rate_limit_per_second", "global_rate_limit_per_second");
    private static final String SITE_FORM = "KEY=ORIGIN|ORIGIN@SAMPLE, like shop-key=https://shop.example@0.5";

    private RumSection() {
    }

    static RumConfig read(Optional<Section> file, Map<String, String> overrides, Diagnostics diagnostics) {
        file.ifPresent(section -> section.allowOnly(KEYS));
        List<RumConfig.Site> sites = overrides.containsKey("rum.sites") ? sites(overrides.get("rum.sites"), diagnostics)
                : file.map(section -> sites(section, diagnostics)).orElse(List.of());
        Set<String> keys = new HashSet<>();
        sites.stream().map(RumConfig.Site::key).filter(key -> !keys.add(key))
                .forEach(key -> diagnostics.error(1, 1, "rum site key '" + key + "' is listed twice"));
        int perSite = limit(file, overrides, "rate_limit_per_second", RumConfig.DEFAULT_RATE_LIMIT_PER_SECOND, diagnostics);
        int global = limit(file, overrides, "global_rate_limit_per_second", RumConfig.DEFAULT_GLOBAL_RATE_LIMIT_PER_SECOND, diagnostics);
        return new RumConfig(sites, perSite, global);
    }

    private static List<RumConfig.Site> sites(Section section, Diagnostics diagnostics) {
        List<RumConfig.Site> sites = new ArrayList<>();
        section.list("sites").ifPresent(items -> items.forEach(item -> Section.of(item, diagnostics, "a rum site").ifPresent(site -> {
            site.allowOnly(List.of("key", "origins", "sample"));
            Optional<String> key = site.requiredText("key", "a rum site");
            List<String> origins = new ArrayList<>();
            site.required("origins", "a rum site").flatMap(ignored -> site.list("origins")).ifPresent(nodes -> nodes.forEach(node ->
                    Section.text(node, diagnostics, "origin").ifPresent(text -> origin(text).ifPresentOrElse(origins::add,
                            () -> diagnostics.error(node, originProblem(text))))));
            OptionalDouble sample = site.number("sample");
            boolean sampleOk = sample.isEmpty() || sample.getAsDouble() > 0 && sample.getAsDouble() <= 1;
            if (!sampleOk) {
                diagnostics.error(site.node("sample").orElseThrow(), "rum sample must be above 0 and at most 1, like 0.25, not "
                        + sample.getAsDouble());
            }
            if (key.isPresent() && !origins.isEmpty() && sampleOk) {
                sites.add(new RumConfig.Site(key.get(), origins, sample.orElse(1)));
            }
        })));
        return sites;
    }

    /** Sites from a flag or the environment; they replace the file's list. */
    private static List<RumConfig.Site> sites(String listed, Diagnostics diagnostics) {
        List<RumConfig.Site> sites = new ArrayList<>();
        for (String entry : listed.split(",")) {
            String[] keyAndRest = entry.strip().split("=", 2);
            String[] originsAndSample = keyAndRest.length == 2 ? keyAndRest[1].split("@", 2) : new String[0];
            if (keyAndRest.length != 2 || keyAndRest[0].isBlank() || originsAndSample[0].isBlank()) {
                diagnostics.error(1, 1, "rum site '" + entry.strip() + "' (from --rum-sites or PROBEFLEET_RUM_SITES) must be " + SITE_FORM);
                continue;
            }
            List<String> origins = new ArrayList<>();
            for (String text : originsAndSample[0].split("\\|")) {
                origin(text.strip()).ifPresentOrElse(origins::add, () -> diagnostics.error(1, 1, originProblem(text.strip())));
            }
            double sample = 1;
            if (originsAndSample.length == 2) {
                try {
                    sample = Double.parseDouble(originsAndSample[1]);
                } catch (NumberFormatException e) {
                    sample = Double.NaN;
                }
            }
            if (!(sample > 0 && sample <= 1)) {
                diagnostics.error(1, 1, "rum site '" + keyAndRest[0] + "': sample must be above 0 and at most 1, not '" + originsAndSample[1] + "'");
            } else if (origins.size() == originsAndSample[0].split("\\|").length) {
                sites.add(new RumConfig.Site(keyAndRest[0].strip(), origins, sample));
            }
        }
        return sites;
    }

    /** An origin as browsers send it: scheme, host and a port only when it is not the scheme's own. */
    static Optional<String> origin(String text) {
        try {
            URI uri = new URI(text);
            boolean bare = (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null && uri.getFragment() == null;
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && bare && uri.getUserInfo() == null) {
                return Optional.of(uri.getScheme() + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT)
                        + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
            }
        } catch (URISyntaxException e) {
            // reported by the caller
        }
        return Optional.empty();
    }

    private static String originProblem(String text) {
        return "rum origin '" + text + "' must be a scheme and host with no path, like https://shop.example or http://127.0.0.1:8081";
    }

    private static int limit(Optional<Section> file, Map<String, String> overrides, String key, int fallback, Diagnostics diagnostics) {
        String override = overrides.get("rum." + key);
        if (override != null) {
            try {
                int parsed = Integer.parseInt(override.strip());
                if (parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            diagnostics.error(1, 1, "rum " + key + " '" + override + "' (from a flag or the environment) must be a whole number of at least 1");
            return fallback;
        }
        Optional<Node> at = file.flatMap(section -> section.node(key));
        int value = file.flatMap(section -> section.integer(key).isPresent() ? Optional.of(section.integer(key).getAsInt())
                : Optional.<Integer>empty()).orElse(fallback);
        if (value < 1) {
            diagnostics.error(at.orElseThrow(), "rum " + key + " must be at least 1, not " + value);
            return fallback;
        }
        return value;
    }
}
