package org.probefleet.coordinator.config;

import java.util.List;
import java.util.Optional;

/**
 * The sites whose pages may send real-user beacons, each by its public key with the origins its
 * pages are served from and the share of pages it counts; and how many beacons a second each
 * site, and all of them together, may send before the rest are refused with 429.
 */
public record RumConfig(List<Site> sites, int rateLimitPerSecond, int globalRateLimitPerSecond) {

    /** Per site key: a busy shop's pages send a few beacons each, well under this. */
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 200;
    /** All sites together: keeps a flood of beacons from taking the coordinator's time from probe outcomes. */
    public static final int DEFAULT_GLOBAL_RATE_LIMIT_PER_SECOND = 1000;
    public static final RumConfig NONE = new RumConfig(List.of(), DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_GLOBAL_RATE_LIMIT_PER_SECOND);

    /** A site: its key (public, in its pages), the origins allowed to send for it, and the sampled share of pages (0–1]. */
    public record Site(String key, List<String> origins, double sample) {
        public Site {
            origins = List.copyOf(origins);
            if (!(sample > 0 && sample <= 1)) {
                throw new IllegalArgumentException("sample must be above 0 and at most 1, not " + sample);
            }
        }
    }

    public RumConfig {
        sites = List.copyOf(sites);
        if (rateLimitPerSecond < 1 || globalRateLimitPerSecond < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 a second");
        }
    }

    public Optional<Site> site(String key) {
        return sites.stream().filter(site -> site.key().equals(key)).findFirst();
    }
}
