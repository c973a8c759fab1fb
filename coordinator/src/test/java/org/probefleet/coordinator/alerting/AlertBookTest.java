package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.slo.AlertTracker;
import org.probefleet.coordinator.slo.Severity;

class AlertBookTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static Notification alert(String scope, Severity severity, String summary) {
        String alertname = severity == Severity.PAGE ? "ProbefleetSLOPage" : scope.equals("global") ? "ProbefleetSLOTicket" : "ProbefleetSLORegionTicket";
        return new Notification("probefleet/slo/checkout/" + scope, Map.of("alertname", alertname, "slo", "checkout",
                "severity", severity.wireName(), "region", scope, "owner", "payments"), Map.of("summary", summary), T0, Optional.empty());
    }

    final AlertBook book = new AlertBook();

    @Test
    @DisplayName("an alert fires once, then only its annotations move; it resolves with endsAt and stays sent for five minutes")
    void lifecycle() {
        List<AlertBook.Change> fired = book.reconcile(List.of(alert("global", Severity.TICKET, "burn 4x")), List.of(), T0);
        List<AlertBook.Change> again = book.reconcile(List.of(alert("global", Severity.TICKET, "burn 5x")), List.of(), T0.plusSeconds(15));
        List<AlertBook.Change> resolved = book.reconcile(List.of(), List.of(), T0.plusSeconds(30));

        assertThat(fired).singleElement().isInstanceOf(AlertBook.Change.Fired.class);
        assertThat(again).isEmpty();
        assertThat(resolved).singleElement().isInstanceOfSatisfying(AlertBook.Change.Resolved.class, change -> {
            assertThat(change.alert().endsAt()).contains(T0.plusSeconds(30));
            assertThat(change.alert().startsAt()).isEqualTo(T0);
            assertThat(change.alert().summary()).isEqualTo("burn 5x");
            assertThat(change.inhibited()).isFalse();
        });
        assertThat(book.forAlertmanager(T0.plusSeconds(30).plus(AlertBook.RESOLVED_FOR))).hasSize(1);
        assertThat(book.forAlertmanager(T0.plusSeconds(31).plus(AlertBook.RESOLVED_FOR))).isEmpty();
    }

    @Test
    @DisplayName("a ticket that becomes a page is one escalation of the same incident, not a resolve and a new trigger")
    void escalation() {
        book.reconcile(List.of(alert("global", Severity.TICKET, "burning")), List.of(), T0);

        List<AlertBook.Change> changes = book.reconcile(List.of(alert("global", Severity.PAGE, "failing")), List.of(), T0.plusSeconds(60));

        assertThat(changes).singleElement().isInstanceOfSatisfying(AlertBook.Change.Escalated.class, change -> {
            assertThat(change.from().severity()).isEqualTo(Severity.TICKET);
            assertThat(change.alert().severity()).isEqualTo(Severity.PAGE);
            assertThat(change.alert().dedupKey()).isEqualTo(change.from().dedupKey());
        });
        // Alertmanager identifies alerts by labels: the ticket is sent resolved, the page firing.
        assertThat(book.forAlertmanager(T0.plusSeconds(60))).extracting(Notification::severity, n -> n.endsAt().isPresent())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Severity.PAGE, false), org.assertj.core.groups.Tuple.tuple(Severity.TICKET, true));
    }

    @Test
    @DisplayName("region tickets that end because the global page fires are marked inhibited")
    void inhibition() {
        book.reconcile(List.of(alert("ap-south", Severity.TICKET, "ap-south only")), List.of(), T0);

        List<AlertBook.Change> changes = book.reconcile(List.of(alert("global", Severity.PAGE, "all regions")), List.of(), T0.plusSeconds(60));

        assertThat(changes).filteredOn(AlertBook.Change.Resolved.class::isInstance).singleElement()
                .isInstanceOfSatisfying(AlertBook.Change.Resolved.class, change -> assertThat(change.inhibited()).isTrue());
        assertThat(changes).filteredOn(AlertBook.Change.Fired.class::isInstance).hasSize(1);
    }

    @Test
    @DisplayName("saved and read back, the book and the trackers are the same; nothing re-fires")
    void stateRoundTrip() throws Exception {
        book.reconcile(List.of(alert("global", Severity.PAGE, "all regions"), alert("eu-west", Severity.TICKET, "x")), List.of(), T0);
        book.reconcile(List.of(alert("global", Severity.PAGE, "all regions")), List.of(), T0.plusSeconds(60));
        AlertTracker.Memory memory = new AlertTracker.Memory(java.util.Set.of(
                org.probefleet.coordinator.slo.Alert.parse("burn_rate/page/global").orElseThrow()), "EXHAUSTED", true);
        AlertState state = new AlertState(new org.probefleet.coordinator.slo.EngineMemory(Map.of("checkout", memory), T0), book.firing(), book.ended());

        AlertState read = AlertState.fromJson(state.toJson());
        AlertBook restored = new AlertBook(read.firing(), read.ended());

        assertThat(read).isEqualTo(state);
        assertThat(restored.reconcile(List.of(alert("global", Severity.PAGE, "all regions")), List.of(), T0.plusSeconds(120))).isEmpty();
        assertThat(restored.reconcile(List.of(), List.of(), T0.plusSeconds(180))).singleElement()
                .isInstanceOf(AlertBook.Change.Resolved.class);
    }

    @Test
    @DisplayName("a saved alert whose severity is not page, ticket or info makes the saved state unreadable, so alerting starts fresh")
    void unknownSeverityInSavedState() {
        String saved = "{\"version\":1,\"watchingSince\":\"2026-11-01T00:00:00Z\",\"trackers\":{},\"ended\":[],\"firing\":[{"
                + "\"dedupKey\":\"probefleet/slo/checkout/global\",\"startsAt\":\"2026-11-01T00:00:00Z\","
                + "\"labels\":{\"alertname\":\"ProbefleetSLOPage\",\"severity\":\"urgent\"},\"annotations\":{}}]}";

        assertThatThrownBy(() -> AlertState.fromJson(saved)).isInstanceOf(java.io.IOException.class)
                .hasMessage("alert state has a bad notification: notification probefleet/slo/checkout/global has severity 'urgent',"
                        + " not page, ticket or info");
    }
}
