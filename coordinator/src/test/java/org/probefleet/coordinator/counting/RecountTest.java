package org.probefleet.coordinator.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecountTest {

    @Test
    @DisplayName("an SLO whose fingerprint changed is recounted, an unchanged one is kept")
    void changedFingerprintsAreRecounted() {
        Recount recount = Recount.between(Map.of("checkout-slo", "checkout|LIVE|850ms|", "search-slo", "search|LIVE|2000ms|"),
                Map.of("checkout-slo", "checkout|LIVE|8000ms|", "search-slo", "search|LIVE|2000ms|"));
        assertThat(recount.recount()).containsExactly("checkout-slo");
        assertThat(recount.drop()).isEmpty();
    }

    @Test
    @DisplayName("a new SLO is counted from the stored outcomes, one that is gone is dropped")
    void newSlosAreCountedAndGoneOnesDropped() {
        Recount recount = Recount.between(Map.of("login-slo", "login|LIVE|no latency threshold|"),
                Map.of("search-slo", "search|LIVE|2000ms|"));
        assertThat(recount.recount()).containsExactly("login-slo");
        assertThat(recount.drop()).containsExactly("search-slo");
    }
}
