package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probefleet.coordinator.slo.Fixtures.T0;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.slo.Fixtures;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloSnapshot;

class AlertComposerTest {

    static final List<String> REGIONS = List.of("ap-south", "eu-west", "us-east");
    final AlertComposer composer = new AlertComposer(URI.create("http://probefleet.example:8080/"), "fleet-team");

    /** Three regions at one event a minute for 30 days, good; {@code failing} regions bad for the 10 minutes before {@code T0 + 10m}. */
    static SloSnapshot snapshot(List<String> failing) {
        Fixtures.Traffic traffic = new Fixtures.Traffic();
        for (String region : REGIONS) {
            traffic.add(region, T0.minus(Duration.ofDays(30)), T0, Duration.ofMinutes(1), Classification.GOOD);
            traffic.add(region, T0, T0.plus(Duration.ofMinutes(10)), Duration.ofMinutes(1),
                    failing.contains(region) ? Classification.BAD : Classification.GOOD);
        }
        return new SloEvaluator().evaluate(traffic.input(Fixtures.slo(0.999, Duration.ofDays(30), 2, 3), REGIONS),
                T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    @DisplayName("a global page carries the labels on-call routes by and a summary a person can act on")
    void globalPage() {
        Cause cause = new Cause("pay", "expected text 'Order confirmed' within 5s", 28, 30);

        List<Notification> firing = composer.firing(snapshot(REGIONS), (journey, scope) -> Optional.of(cause));

        assertThat(firing).hasSize(1);
        Notification page = firing.get(0);
        assertThat(page.labels()).containsEntry("alertname", "ProbefleetSLOPage").containsEntry("slo", "checkout-slo")
                .containsEntry("journey", "checkout").containsEntry("severity", "page").containsEntry("region", "global")
                .containsEntry("owner", "payments");
        // Windows are (t − w, t]: 10 bad of 59 events per region in the last hour, burn 169.5x; 30 bad of 129,597 over
        // 30 days, 23.1% consumed; 0.7685 × 720 h / 169.5 = 3.26 h to exhaustion; 23.1 × $45,000 = $1.04M.
        assertThat(page.summary()).isEqualTo("checkout failing from all regions: burn 169x over 1h, "
                + "77% of the 30-day budget left, exhausted in 3 h at this rate, ≈ $1.0M at risk");
        assertThat(page.annotations()).containsEntry("failing_step", "step 'pay' (28 of 30 failures): expected text 'Order confirmed' within 5s")
                .containsEntry("dashboard", "http://probefleet.example:8080/slos/checkout-slo")
                .containsKeys("burn_rates", "budget", "time_to_exhaustion", "impact");
        assertThat(page.annotations().get("burn_rates")).startsWith("5m 1000x · 30m 345x · 1h 169x");
        assertThat(page.dedupKey()).isEqualTo("probefleet/slo/checkout-slo/global");
    }

    @Test
    @DisplayName("a one-region outage is a ticket for that region, named as the only one failing")
    void regionTicket() {
        List<Notification> firing = composer.firing(snapshot(List.of("ap-south")), (journey, scope) -> Optional.empty());

        assertThat(firing).extracting(Notification::labels).singleElement().satisfies(labels -> assertThat(labels)
                .containsEntry("alertname", "ProbefleetSLORegionTicket").containsEntry("severity", "ticket")
                .containsEntry("region", "ap-south"));
        assertThat(firing.get(0).summary()).isEqualTo("checkout failing from ap-south only: burn 169x over 1h, "
                + "77% of the 30-day budget left, exhausted in 3 h at this rate, ≈ $1.0M at risk");
        assertThat(firing.get(0).annotations()).doesNotContainKey("failing_step");
    }

    @Test
    @DisplayName("a budget state change is an info notice with the new state as a label")
    void stateChangeNotice() {
        SloSnapshot snapshot = snapshot(REGIONS);
        EngineEvent change = new EngineEvent.StateChange(snapshot.at(), "checkout-slo", "FULL", "WARNING", 0.23);

        Notification notice = composer.notice(change, snapshot).orElseThrow();

        assertThat(notice.labels()).containsEntry("alertname", "ProbefleetBudgetState").containsEntry("severity", "info")
                .containsEntry("state", "WARNING");
        assertThat(notice.summary()).isEqualTo("checkout-slo budget state FULL → WARNING: 23% of the 30d budget consumed");
    }
}
