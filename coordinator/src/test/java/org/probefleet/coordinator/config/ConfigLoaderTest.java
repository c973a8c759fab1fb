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
import org.probefleet.coordinator.slo.Severity;
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
            assertThat(pd.severities()).containsExactlyInAnyOrder(Severity.PAGE, Severity.TICKET);
            assertThat(pd.toString()).doesNotContain("0123456789abcdef");
        });
        assertThat(alerting.webhooks()).extracting(AlertingConfig.Webhook::severities, AlertingConfig.Webhook::format).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Set.of(Severity.PAGE, Severity.TICKET), AlertingConfig.Webhook.Format.SLACK),
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

    @Test
    @DisplayName("agents, tokens, TLS, retention, heartbeat timeout, artifact size and fleet owner come from flags or the environment too")
    void everyKeyHasAnOverride() throws Exception {
        write("a.token", "0123456789abcdef0123456789abcdef\n");
        write("admin.token", "fedcba9876543210fedcba9876543210\n");
        write("cert.pem", "cert");
        write("key.pem", "key");
        var loaded = ConfigLoader.load(Optional.empty(), Map.of(
                "agents", "eu-west-1:eu-west:" + folder.resolve("a.token") + ",us-east-1:us-east:" + folder.resolve("a.token"),
                "admin_token_file", folder.resolve("admin.token").toString(),
                "read_token_file", folder.resolve("a.token").toString(),
                "deploy_token_file", folder.resolve("admin.token").toString(),
                "tls.cert", folder.resolve("cert.pem").toString(), "tls.key", folder.resolve("key.pem").toString(),
                "retention", "40d", "heartbeat_timeout", "45s", "artifact_max_bytes", "1048576", "alerting.fleet_owner", "sre"));

        CoordinatorConfig config = loaded.config().orElseThrow();
        assertThat(config.agents()).containsExactly(new CoordinatorConfig.Agent("eu-west-1", "eu-west", "0123456789abcdef0123456789abcdef"),
                new CoordinatorConfig.Agent("us-east-1", "us-east", "0123456789abcdef0123456789abcdef"));
        assertThat(config.adminToken()).contains("fedcba9876543210fedcba9876543210");
        assertThat(config.readToken()).contains("0123456789abcdef0123456789abcdef");
        assertThat(config.deployToken()).contains("fedcba9876543210fedcba9876543210");
        assertThat(config.tls()).contains(new CoordinatorConfig.Tls(folder.resolve("cert.pem"), folder.resolve("key.pem")));
        assertThat(config.retention()).hasDays(40);
        assertThat(config.heartbeatTimeout()).hasSeconds(45);
        assertThat(config.artifactMaxBytes()).isEqualTo(1_048_576);
        assertThat(config.alerting().fleetOwner()).isEqualTo("sre");
    }

    @Test
    @DisplayName("a malformed agent flag or half a TLS pair says what to write")
    void overrideMistakes() {
        var problems = ConfigLoader.load(Optional.empty(), Map.of("agents", "eu-west-1:eu-west", "tls.cert", "cert.pem"))
                .problems().stream().map(Problem::toString).toList();

        assertThat(problems).containsExactly(
                "<defaults>:1:1: agent 'eu-west-1:eu-west' (from --agent or PROBEFLEET_AGENTS) must be NAME:REGION:TOKEN_FILE,"
                        + " like eu-west-1:eu-west:secrets/eu-west-1.token",
                "<defaults>:1:1: TLS needs both a certificate and a key: give --tls-cert FILE and --tls-key FILE"
                        + " (PROBEFLEET_TLS_CERT, PROBEFLEET_TLS_KEY)");
    }

    @Test
    @DisplayName("every key of coordinator.yaml has a flag that names its environment variable")
    void everyKeyHasAFlag() {
        String help = String.join(" ", new picocli.CommandLine(new org.probefleet.coordinator.cli.CoordinatorCommand())
                .getCommandSpec().options().stream().flatMap(option -> java.util.Arrays.stream(option.description())).toList());
        java.util.List<String> variables = new java.util.ArrayList<>();
        for (String key : ConfigLoader.KEYS) {
            switch (key) {
                case "tls" -> variables.addAll(java.util.List.of("PROBEFLEET_TLS_CERT", "PROBEFLEET_TLS_KEY"));
                case "alerting" -> AlertingSection.KEYS.forEach(alerting -> variables.add("PROBEFLEET_"
                        + (alerting.equals("pagerduty") ? "PAGERDUTY_ROUTING_KEY_FILE" : alerting.toUpperCase(java.util.Locale.ROOT))));
                case "prometheus" -> PrometheusSection.KEYS.forEach(prometheus -> variables.add("PROBEFLEET_PROMETHEUS_"
                        + prometheus.toUpperCase(java.util.Locale.ROOT)));
                case "rum" -> RumSection.KEYS.forEach(rum -> variables.add("PROBEFLEET_RUM_" + rum.toUpperCase(java.util.Locale.ROOT)));
                default -> variables.add("PROBEFLEET_" + key.toUpperCase(java.util.Locale.ROOT));
            }
        }

        assertThat(variables).allSatisfy(variable -> assertThat(help).contains("env " + variable));
    }
}
