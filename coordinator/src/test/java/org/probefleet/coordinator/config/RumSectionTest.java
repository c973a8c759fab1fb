package org.probefleet.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RumSectionTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("the rum section gives each site's key, origins and sample and the rate limits; flags and variables override it")
    void rum() throws Exception {
        Path file = Files.writeString(folder.resolve("coordinator.yaml"), "rum:\n  sites:\n    - key: shop-key\n"
                + "      origins: [https://shop.example, 'http://127.0.0.1:8081']\n      sample: 0.5\n  rate_limit_per_second: 50\n");

        RumConfig fromFile = ConfigLoader.load(Optional.of(file), Map.of()).config().orElseThrow().rum();
        RumConfig overridden = ConfigLoader.load(Optional.of(file), Map.of("rum.sites", "other=https://other.example|https://www.other.example",
                "rum.global_rate_limit_per_second", "300")).config().orElseThrow().rum();

        assertThat(fromFile).isEqualTo(new RumConfig(List.of(new RumConfig.Site("shop-key",
                List.of("https://shop.example", "http://127.0.0.1:8081"), 0.5)), 50, RumConfig.DEFAULT_GLOBAL_RATE_LIMIT_PER_SECOND));
        assertThat(overridden).isEqualTo(new RumConfig(List.of(new RumConfig.Site("other",
                List.of("https://other.example", "https://www.other.example"), 1.0)), 50, 300));
        assertThat(ConfigLoader.load(Optional.empty(), Map.of()).config().orElseThrow().rum()).isEqualTo(RumConfig.NONE);
    }

    @Test
    @DisplayName("an origin with a path, a sample above 1, a zero limit and a malformed flag are each reported at their place")
    void mistakes() throws Exception {
        Path file = Files.writeString(folder.resolve("coordinator.yaml"), "rum:\n  sites:\n    - key: shop-key\n"
                + "      origins: [https://shop.example/checkout]\n      sample: 2\n  rate_limit_per_second: 0\n");

        assertThat(ConfigLoader.load(Optional.of(file), Map.of()).problems()).extracting(Object::toString).containsExactly(
                file + ":4:17: rum origin 'https://shop.example/checkout' must be a scheme and host with no path, like https://shop.example"
                        + " or http://127.0.0.1:8081",
                file + ":5:15: rum sample must be above 0 and at most 1, like 0.25, not 2.0",
                file + ":6:26: rum rate_limit_per_second must be at least 1, not 0");
        assertThat(ConfigLoader.load(Optional.empty(), Map.of("rum.sites", "shop-key")).problems()).extracting(Object::toString)
                .containsExactly("<defaults>:1:1: rum site 'shop-key' (from --rum-sites or PROBEFLEET_RUM_SITES) must be"
                        + " KEY=ORIGIN|ORIGIN@SAMPLE, like shop-key=https://shop.example@0.5");
    }
}
