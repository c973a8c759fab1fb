package org.probefleet.coordinator.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.ConfigLoader;
import org.probefleet.coordinator.config.CoordinatorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet coordinator}: runs the service until SIGINT or SIGTERM. */
@Command(name = "coordinator", mixinStandardHelpOptions = true,
        description = {"Run the coordinator: ingest, store, SLO engine and API (default port 8080).",
                "Settings come from --config, then PROBEFLEET_* environment variables,",
                "then these flags; each flag names its variable.",
                "A group: start two or more with the same config and one --store jdbc:postgresql://...;",
                "all ingest and serve, one leads (a lease in PostgreSQL) and alone sends alerts,",
                "another takes over within three evaluation intervals. GET /api/v1/group says who leads."})
public final class CoordinatorCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "coordinator.yaml (env PROBEFLEET_CONFIG)")
    Path config;

    @Option(names = "--port", description = "listen port (env PROBEFLEET_PORT; default 8080)")
    String port;

    @Option(names = "--bind", description = "listen address (env PROBEFLEET_BIND; default 127.0.0.1)")
    String bind;

    @Option(names = "--store", description = "sqlite:PATH or jdbc:postgresql://... (env PROBEFLEET_STORE; default sqlite:./data/probefleet.db)")
    String store;

    @Option(names = "--definitions", paramLabel = "DIR", description = "definitions folder (env PROBEFLEET_DEFINITIONS; default journeys/examples)")
    String definitions;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "artifacts and local state (env PROBEFLEET_DATA_DIR; default data)")
    String dataDir;

    @Option(names = "--evaluation-interval", paramLabel = "DURATION", description = "how often SLOs are evaluated (env PROBEFLEET_EVALUATION_INTERVAL; default 15s)")
    String evaluationInterval;

    @Option(names = "--alertmanager", paramLabel = "URL[,URL]", description = "Alertmanager replicas to send alerts to, each directly (env PROBEFLEET_ALERTMANAGER)")
    String alertmanager;

    @Option(names = "--pagerduty-routing-key-file", paramLabel = "FILE", description = "PagerDuty Events API v2 integration key (env PROBEFLEET_PAGERDUTY_ROUTING_KEY_FILE)")
    String pagerDutyKeyFile;

    @Option(names = "--webhook", paramLabel = "URL[,URL]", description = "Slack-compatible webhooks for every severity (env PROBEFLEET_WEBHOOKS)")
    String webhooks;

    @Option(names = "--dashboard-url", paramLabel = "URL", description = "where alerts link to (env PROBEFLEET_DASHBOARD_URL; default this coordinator)")
    String dashboardUrl;

    @Option(names = "--agent", paramLabel = "NAME:REGION:TOKEN_FILE", split = ",",
            description = {"an agent and the file holding its token; repeat or separate with commas (env PROBEFLEET_AGENTS).",
                    "Replaces the config file's agents list."})
    java.util.List<String> agents;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "token for writes: definitions, gate overrides (env PROBEFLEET_ADMIN_TOKEN_FILE)")
    String adminTokenFile;

    @Option(names = "--read-token-file", paramLabel = "FILE", description = "token that protects the dashboard and read API (env PROBEFLEET_READ_TOKEN_FILE)")
    String readTokenFile;

    @Option(names = "--deploy-token-file", paramLabel = "FILE", description = "token CI marks deploys with, besides the admin token (env PROBEFLEET_DEPLOY_TOKEN_FILE)")
    String deployTokenFile;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate for HTTPS, with --tls-key (env PROBEFLEET_TLS_CERT)")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key for HTTPS, with --tls-cert (env PROBEFLEET_TLS_KEY)")
    String tlsKey;

    @Option(names = "--retention", paramLabel = "DURATION", description = "how long raw outcomes are kept (env PROBEFLEET_RETENTION; default 35d)")
    String retention;

    @Option(names = "--heartbeat-timeout", paramLabel = "DURATION", description = "an agent silent this long is down (env PROBEFLEET_HEARTBEAT_TIMEOUT; default 30s)")
    String heartbeatTimeout;

    @Option(names = "--artifact-max-bytes", paramLabel = "BYTES", description = "largest screenshot or trace accepted (env PROBEFLEET_ARTIFACT_MAX_BYTES; default 20971520)")
    String artifactMaxBytes;

    @Option(names = "--fleet-owner", paramLabel = "OWNER", description = "owner of no-data and prober health alerts (env PROBEFLEET_FLEET_OWNER; default probefleet)")
    String fleetOwner;

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "Prometheus to read ratio SLIs from (env PROBEFLEET_PROMETHEUS_URL)")
    String prometheusUrl;

    @Option(names = "--prometheus-timeout", paramLabel = "DURATION", description = "one Prometheus query's time limit (env PROBEFLEET_PROMETHEUS_TIMEOUT; default 10s)")
    String prometheusTimeout;

    @Option(names = "--prometheus-delay", paramLabel = "DURATION", description = "how long after a minute ends its ratio SLIs are read (env PROBEFLEET_PROMETHEUS_DELAY; default 30s)")
    String prometheusDelay;

    @Option(names = "--rum-sites", paramLabel = "KEY=ORIGIN|ORIGIN@SAMPLE[,...]",
            description = "sites that may send real-user beacons; replaces the config file's list (env PROBEFLEET_RUM_SITES)")
    String rumSites;

    @Option(names = "--rum-rate-limit-per-second", paramLabel = "N", description = "beacons a second one site may send (env PROBEFLEET_RUM_RATE_LIMIT_PER_SECOND; default 200)")
    String rumRateLimit;

    @Option(names = "--rum-global-rate-limit-per-second", paramLabel = "N",
            description = "beacons a second all sites together may send (env PROBEFLEET_RUM_GLOBAL_RATE_LIMIT_PER_SECOND; default 1000)")
    String rumGlobalRateLimit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> overrides = new LinkedHashMap<>();
        override(overrides, "port", port, "PROBEFLEET_PORT");
        override(overrides, "bind", bind, "PROBEFLEET_BIND");
        override(overrides, "store", store, "PROBEFLEET_STORE");
        override(overrides, "definitions", definitions, "PROBEFLEET_DEFINITIONS");
        override(overrides, "data_dir", dataDir, "PROBEFLEET_DATA_DIR");
        override(overrides, "evaluation_interval", evaluationInterval, "PROBEFLEET_EVALUATION_INTERVAL");
        override(overrides, "alerting.alertmanager", alertmanager, "PROBEFLEET_ALERTMANAGER");
        override(overrides, "alerting.pagerduty_routing_key_file", pagerDutyKeyFile, "PROBEFLEET_PAGERDUTY_ROUTING_KEY_FILE");
        override(overrides, "alerting.webhooks", webhooks, "PROBEFLEET_WEBHOOKS");
        override(overrides, "alerting.dashboard_url", dashboardUrl, "PROBEFLEET_DASHBOARD_URL");
        override(overrides, "alerting.fleet_owner", fleetOwner, "PROBEFLEET_FLEET_OWNER");
        override(overrides, "prometheus.url", prometheusUrl, "PROBEFLEET_PROMETHEUS_URL");
        override(overrides, "prometheus.timeout", prometheusTimeout, "PROBEFLEET_PROMETHEUS_TIMEOUT");
        override(overrides, "prometheus.delay", prometheusDelay, "PROBEFLEET_PROMETHEUS_DELAY");
        override(overrides, "rum.sites", rumSites, "PROBEFLEET_RUM_SITES");
        override(overrides, "rum.rate_limit_per_second", rumRateLimit, "PROBEFLEET_RUM_RATE_LIMIT_PER_SECOND");
        override(overrides, "rum.global_rate_limit_per_second", rumGlobalRateLimit, "PROBEFLEET_RUM_GLOBAL_RATE_LIMIT_PER_SECOND");
        override(overrides, "agents", agents == null ? null : String.join(",", agents), "PROBEFLEET_AGENTS");
        override(overrides, "admin_token_file", adminTokenFile, "PROBEFLEET_ADMIN_TOKEN_FILE");
        override(overrides, "read_token_file", readTokenFile, "PROBEFLEET_READ_TOKEN_FILE");
        override(overrides, "deploy_token_file", deployTokenFile, "PROBEFLEET_DEPLOY_TOKEN_FILE");
        override(overrides, "tls.cert", tlsCert, "PROBEFLEET_TLS_CERT");
        override(overrides, "tls.key", tlsKey, "PROBEFLEET_TLS_KEY");
        override(overrides, "retention", retention, "PROBEFLEET_RETENTION");
        override(overrides, "heartbeat_timeout", heartbeatTimeout, "PROBEFLEET_HEARTBEAT_TIMEOUT");
        override(overrides, "artifact_max_bytes", artifactMaxBytes, "PROBEFLEET_ARTIFACT_MAX_BYTES");
        Optional<Path> file = Optional.ofNullable(config).or(() -> Optional.ofNullable(System.getenv("PROBEFLEET_CONFIG")).map(Path::of));
        ConfigLoader.Loaded loaded = ConfigLoader.load(file, overrides);
        if (loaded.config().isEmpty()) {
            loaded.problems().forEach(err::println);
            err.println("coordinator: not started; fix the configuration above");
            err.flush();
            return 1;
        }
        CoordinatorConfig settings = loaded.config().get();
        Vertx vertx = Vertx.vertx();
        CoordinatorServer server;
        try {
            server = CoordinatorServer.start(vertx, settings, Clock.systemUTC()).await(120, TimeUnit.SECONDS);
        } catch (CoordinatorServer.DefinitionProblems e) {
            e.problems().forEach(err::println);
            err.println("coordinator: not started; fix the definitions above (./fleet check " + settings.definitions() + ")");
            err.flush();
            vertx.close();
            return 1;
        } catch (Exception e) {
            err.println("coordinator: cannot start: " + e.getMessage());
            err.flush();
            vertx.close();
            return 1;
        }
        var definitions = server.definitions().loaded().definitions();
        String scheme = settings.tls().isPresent() ? "https" : "http";
        System.out.printf("Coordinator on %s://%s:%d  (store %s; %d journeys, %d SLOs; %d agents)%n", scheme, settings.bind(),
                server.port(), settings.store().replaceAll("password=[^&]*", "password=***"), definitions.journeys().size(),
                definitions.slos().size(), settings.agents().size());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close().await(10, TimeUnit.SECONDS);
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("coordinator: shutdown was not clean: " + e.getMessage());
            }
            stopped.countDown();
        }, "coordinator-shutdown"));
        stopped.await();
        return 0;
    }

    private static void override(Map<String, String> overrides, String key, String flag, String variable) {
        String value = flag != null ? flag : System.getenv(variable);
        if (value != null && !value.isBlank()) {
            overrides.put(key, value);
        }
    }
}
