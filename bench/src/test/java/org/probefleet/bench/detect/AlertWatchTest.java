package org.probefleet.bench.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AlertWatchTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    static JsonNode alert(String fingerprint, String slo, String severity) throws Exception {
        return JSON.readTree("""
                {"fingerprint": "%s", "labels": {"alertname": "ProbefleetSLOPage", "slo": "%s", "severity": "%s", "region": "global"}}
                """.formatted(fingerprint, slo, severity));
    }

    @Test
    @DisplayName("an alert counts once while it stays active, again when it comes back, and from the poll that first saw it")
    void firings() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(START);
        AlertWatch watch = new AlertWatch(now::get);
        JsonNode page = alert("a1", "detect-full-1-availability", "page");

        watch.observe(List.of(page));
        now.set(START.plusSeconds(1));
        watch.observe(List.of(page, alert("b2", "detect-blip-1-availability", "ticket")));
        now.set(START.plusSeconds(2));
        watch.observe(List.of());
        now.set(START.plusSeconds(3));
        watch.observe(List.of(page));

        assertThat(watch.firings("detect-full-1-availability", START)).extracting(AlertWatch.Firing::seen)
                .containsExactly(START, START.plusSeconds(3));
        assertThat(watch.firings("detect-full-1-availability", START.plus(Duration.ofMillis(1)))).hasSize(1);
        assertThat(watch.firings("detect-blip-1-availability", START)).singleElement()
                .extracting(AlertWatch.Firing::severity).isEqualTo("ticket");
    }
}
