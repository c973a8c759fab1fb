package org.probefleet.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChaosTest {

    @Test
    @DisplayName("paths match as prefixes on segment boundaries")
    void pathPrefixes() {
        Chaos chaos = Chaos.parse(new JsonObject("{\"mode\":\"error\",\"paths\":[\"/checkout\"]}"));

        assertThat(chaos.matches("/checkout", null, false)).isTrue();
        assertThat(chaos.matches("/checkout/confirm", null, false)).isTrue();
        assertThat(chaos.matches("/checkouts", null, false)).isFalse();
        assertThat(chaos.matches("/", null, false)).isFalse();
    }

    @Test
    @DisplayName("defaults: every path, every region, an error rate of 1, no latency")
    void defaults() {
        Chaos chaos = Chaos.parse(new JsonObject("{\"mode\":\"silent\"}"));

        assertThat(chaos.errorRate()).isEqualTo(1.0);
        assertThat(chaos.latencyMs()).isZero();
        assertThat(chaos.matches("/anything", null, false)).isTrue();
        assertThat(Chaos.parse(new JsonObject()).active()).isFalse();
    }

    @Test
    @DisplayName("a region list needs the region header to match")
    void regions() {
        Chaos chaos = Chaos.parse(new JsonObject("{\"mode\":\"error\",\"regions\":[\"ap-south\"]}"));

        assertThat(chaos.matches("/", "ap-south", false)).isTrue();
        assertThat(chaos.matches("/", "us-east", false)).isFalse();
        assertThat(chaos.matches("/", null, false)).isFalse();
    }

    @Test
    @DisplayName("times is a whole number of hits from 0 (no limit) to a million")
    void times() {
        assertThat(Chaos.parse(new JsonObject("{\"mode\":\"error\",\"times\":2}")).times()).isEqualTo(2);
        assertThat(Chaos.parse(new JsonObject("{\"mode\":\"error\"}")).times()).isZero();
        assertThatThrownBy(() -> Chaos.parse(new JsonObject("{\"times\":1.5}")))
                .hasMessage("times must be a whole number, not 1.5");
        assertThatThrownBy(() -> Chaos.parse(new JsonObject("{\"times\":-1}")))
                .hasMessage("times must be a number from 0 to 1000000, not -1");
    }

    @Test
    @DisplayName("traffic picks whose requests a fault hits: users (no Probefleet User-Agent), probes, or all by default")
    void traffic() {
        Chaos users = Chaos.parse(new JsonObject("{\"mode\":\"silent\",\"traffic\":\"users\"}"));
        Chaos probes = Chaos.parse(new JsonObject("{\"mode\":\"silent\",\"traffic\":\"probes\"}"));
        Chaos everyone = Chaos.parse(new JsonObject("{\"mode\":\"silent\"}"));

        assertThat(users.matches("/checkout", null, false)).isTrue();
        assertThat(users.matches("/checkout", "eu-west", true)).isFalse();
        assertThat(probes.matches("/checkout", null, false)).isFalse();
        assertThat(probes.matches("/checkout", "eu-west", true)).isTrue();
        assertThat(everyone.matches("/checkout", null, false)).isTrue();
        assertThat(everyone.matches("/checkout", "eu-west", true)).isTrue();
        assertThat(users.toJson().getString("traffic")).isEqualTo("users");
        assertThatThrownBy(() -> Chaos.parse(new JsonObject("{\"traffic\":\"bots\"}")))
                .hasMessage("traffic must be \"all\", \"users\" or \"probes\", not 'bots'");
    }
}
