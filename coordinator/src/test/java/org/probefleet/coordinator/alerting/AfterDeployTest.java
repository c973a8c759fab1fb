package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.release.Deploy;

class AfterDeployTest {

    static final Instant AT = Instant.parse("2026-11-28T14:02:00Z");
    static final Deploy DEPLOY = new Deploy(UUID.randomUUID(), "2026.11.3", AT, "alice", Optional.of("https://ci.example.test/runs/42"),
            List.of("checkout-completion-rate"), List.of());

    static Notification alert(String alertname) {
        return new Notification("probefleet/slo/checkout-completion-rate/global", Map.of("alertname", alertname, "severity", "page"),
                Map.of("summary", "checkout failing from all regions: burn 14.4x over 1h"), AT.plusSeconds(900), Optional.empty());
    }

    @Test
    @DisplayName("a burn-rate alert within an hour of a deploy names it in its summary and a deploy annotation")
    void namesTheDeploy() {
        Notification named = AlertComposer.afterDeploy(alert(AlertComposer.PAGE), DEPLOY);

        assertThat(named.summary()).isEqualTo("checkout failing from all regions: burn 14.4x over 1h, after deploy 2026.11.3 (14:02 UTC)");
        assertThat(named.annotation("deploy")).contains("2026.11.3 deployed at 2026-11-28T14:02:00Z by alice (https://ci.example.test/runs/42)");
        assertThat(named.dedupKey()).isEqualTo(alert(AlertComposer.PAGE).dedupKey());
    }

    @Test
    @DisplayName("a no-data alert is about probes, not the release, and stays as it is")
    void noDataStays() {
        assertThat(AlertComposer.afterDeploy(alert(AlertComposer.NO_DATA), DEPLOY)).isEqualTo(alert(AlertComposer.NO_DATA));
    }
}
