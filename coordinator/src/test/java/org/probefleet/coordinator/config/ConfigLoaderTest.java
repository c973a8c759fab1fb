package org.probefleet.coordinator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.yaml.Problem;

class ConfigLoaderTest {

    @TempDir
    Path folder;

    Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    @DisplayName("the alerting section: Alertmanager replicas, PagerDuty with its key file, webhooks by severity, the dashboard link")
    void alerting() throws Exception {
        write("pd.key", "0123456789abcdef0123456789abcdef\n");
        Path config = write("coordinator.yaml", """
                alerting:
                  alertmanager: [http://127.0.0.1:9093, http://127.0.0.1:9094]
                  pagerduty: { routing_key_file: %s, url: http://127.0.0.1:9999/v2/enqueue }
                  webhooks:
                    - { url: http://127.0.0.1:9999/hook, severities: [page, ticket] }
                    - { url: http://127.0.0.1:9999/all, format: json }
                  dashboard_url: http://localhost:8080
                  fleet_owner: sre
                """.formatted(folder.resolve("pd.key")));

        AlertingConfig alerting = ConfigLoader.load(Optional.of(config), Map.of()).config().orElseThrow().alerting();

        assertThat(alerting.alertmanagers()).containsExactly(URI.create("http://127.0.0.1:9093"), URI.create("http://127.0.0.1:9094"));
        assertThat(alerting.pagerDuty()).hasValueSatisfying(pd -> {
            assertThat(pd.routingKey()).isEqualTo("0123456789abcdef0123456789abcdef");
            assertThat(pd.severities()).containsExactlyInAnyOrder("page", "ticket");
            assertThat(pd.toString()).doesNotContain("0123456789abcdef");
        });
        assertThat(alerting.webhooks()).extracting(AlertingConfig.Webhook::severities, AlertingConfig.Webhook::format).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Set.of("page", "ticket"), AlertingConfig.Webhook.Format.SLACK),
                org.assertj.core.groups.Tuple.tuple(AlertingConfig.ALL_SEVERITIES, AlertingConfig.Webhook.Format.JSON));
        assertThat(alerting.dashboardUrl()).contains(URI.create("http://localhost:8080"));
        assertThat(alerting.fleetOwner()).isEqualTo("sre");
    }

    @Test
    @DisplayName("alerting mistakes are file:line:column problems that say what to write instead")
    void alertingMistakes() throws Exception {
        Path config = write("coordinator.yaml", """
                alerting:
                  alertmanager: [127.0.0.1:9093]
                  webhooks:
                    - { url: http://127.0.0.1:9999/hook, severities: [urgent], format: teams }
                  pagerdutty: {}
                """);

        var problems = ConfigLoader.load(Optional.of(config), Map.of()).problems().stream().map(Problem::toString).toList();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("coordinator.yaml:2:18")
                .contains("alertmanager '127.0.0.1:9093' must be an http:// or https:// URL"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(":4:").contains("severity 'urgent' is not known: use page, ticket, info"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(":4:").contains("format 'teams' is not known"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains(":5:3").contains("pagerdutty"));
    }

    @Test
    @DisplayName("flags and environment variables set Alertmanager URLs and the dashboard link over the file")
    void alertingOverrides() {
        var loaded = ConfigLoader.load(Optional.empty(), Map.of("alerting.alertmanager", "http://127.0.0.1:9093,http://127.0.0.1:9095",
                "alerting.dashboard_url", "https://probefleet.example"));

        AlertingConfig alerting = loaded.config().orElseThrow().alerting();
        assertThat(alerting.alertmanagers()).hasSize(2);
        assertThat(alerting.dashboardUrl()).contains(URI.create("https://probefleet.example"));
    }
}
