package org.probefleet.coordinator.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.slo.Severity;

class PayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String ROUTING_KEY = "0123456789abcdef0123456789abcdef";

    static Notification page() {
        return AlertBookTest.alert("global", Severity.PAGE, "checkout failing from all regions").withAnnotations(java.util.Map.of(
                "summary", "checkout failing from all regions", "dashboard", "http://127.0.0.1:8080/slos/checkout",
                "burn_rates", "5m 1000x", "failing_step", "step 'pay' (3 of 3 failures): <boom> & more"));
    }

    @Test
    @DisplayName("PagerDuty trigger and resolve follow the Events API v2 shape")
    void pagerDuty() throws Exception {
        JsonNode trigger = JSON.readTree(Payloads.pagerDuty(new AlertBook.Change.Fired(page()), ROUTING_KEY));
        JsonNode resolve = JSON.readTree(Payloads.pagerDuty(new AlertBook.Change.Resolved(
                page().endingAt(AlertBookTest.T0.plusSeconds(60)), false), ROUTING_KEY));

        EventsApiV2.check(trigger);
        EventsApiV2.check(resolve);
        assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
        assertThat(trigger.path("dedup_key").asText()).isEqualTo(resolve.path("dedup_key").asText());
        assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
    }

    @Test
    @DisplayName("Slack gets text for notifications and blocks, with mrkdwn control characters escaped")
    void slack() throws Exception {
        JsonNode body = JSON.readTree(Payloads.slack(new AlertBook.Change.Fired(page())));

        SlackShape.check(body);
        assertThat(body.path("text").asText()).isEqualTo("[PAGE] checkout failing from all regions");
        assertThat(body.toString()).contains("&lt;boom&gt; &amp; more").doesNotContain("<boom>");
    }

    @Test
    @DisplayName("Alertmanager gets labels, annotations, times and a generator URL; resolved alerts carry endsAt")
    void alertmanager() throws Exception {
        JsonNode body = JSON.readTree(Payloads.alertmanager(List.of(page(),
                page().endingAt(AlertBookTest.T0.plusSeconds(60)))));

        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).path("labels").path("severity").asText()).isEqualTo("page");
        assertThat(body.get(0).has("endsAt")).isFalse();
        assertThat(body.get(1).path("endsAt").asText()).isEqualTo("2026-11-01T00:01:00Z");
        assertThat(body.get(0).path("generatorURL").asText()).isEqualTo("http://127.0.0.1:8080/slos/checkout");
        assertThat(Optional.of(body.get(0).path("startsAt").asText())).contains("2026-11-01T00:00:00Z");
    }
}
