package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.group.Leadership;
import org.probefleet.coordinator.slo.EngineMemory;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.testing.VirtualClock;

/** A coordinator taking the lead of a group acts on what the previous leader saved. */
class TakeOverTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    @DisplayName("a notification the previous leader queued and never saw delivered is sent by the new leader; one for an unknown receiver is dropped")
    void sendsWhatThePreviousLeaderLeftUndelivered(@TempDir Path folder) throws Exception {
        VirtualClock clock = new VirtualClock(T0);
        try (HookReceiver hook = new HookReceiver(body -> { }, n -> 200);
             JdbcOutcomeStore store = JdbcOutcomeStore.open("sqlite:" + folder.resolve("store.db"), clock)) {
            AlertingConfig config = new AlertingConfig(List.of(), Optional.empty(), List.of(new AlertingConfig.Webhook(hook.url("/hook"),
                    AlertingConfig.ALL_SEVERITIES, AlertingConfig.Webhook.Format.JSON)), Optional.empty(), "fleet-team");
            AlertState saved = new AlertState(new EngineMemory(Map.of(), T0), List.of(), List.of(), List.of(
                    new AlertState.Undelivered(hook.url("/hook"), "{\"status\":\"firing\"}"),
                    new AlertState.Undelivered(hook.url("/gone"), "{\"status\":\"resolved\"}")));
            try (AlertDispatcher alerts = new AlertDispatcher(config, store, clock, List.of(), Optional.empty(), Leadership.alone(store),
                    (receiver, result) -> { })) {
                alerts.takeOver(Optional.of(AlertState.fromJson(saved.toJson())));

                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hook.received.size() == 1);
                assertThat(hook.received.get(0).path("status").asText()).isEqualTo("firing");
                assertThat(hook.problems).isEmpty();
            }
        }
    }
}
