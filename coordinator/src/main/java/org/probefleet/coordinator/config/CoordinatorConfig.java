package org.probefleet.coordinator.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The coordinator's settings, after the file, environment variables and flags are merged. */
public record CoordinatorConfig(int port, String bind, String store, Path definitions, List<Agent> agents,
                                Optional<String> adminToken, Optional<String> readToken, Optional<Tls> tls,
                                Duration evaluationInterval, Duration retention, Duration heartbeatTimeout,
                                Path dataDir, long artifactMaxBytes, AlertingConfig alerting, Optional<String> deployToken,
                                PrometheusConfig prometheus, RumConfig rum) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String DEFAULT_STORE = "sqlite:./data/probefleet.db";
    public static final Path DEFAULT_DEFINITIONS = Path.of("journeys/examples");
    /** How often every SLO is evaluated. */
    public static final Duration DEFAULT_EVALUATION_INTERVAL = Duration.ofSeconds(15);
    /** Raw outcomes are kept this long for drill-down (at least the longest SLO window plus a day). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);
    /** An agent without a heartbeat for this long is down and its journeys move. */
    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_ARTIFACT_MAX_BYTES = 20L * 1024 * 1024;

    /** An agent: its name, the one region it may report for, and its bearer token (never logged). */
    public record Agent(String name, String region, String token) {
        @Override
        public String toString() {
            return "Agent[" + name + ", " + region + "]";
        }
    }

    public record Tls(Path cert, Path key) {
    }

    public CoordinatorConfig {
        agents = List.copyOf(agents);
    }

    /** Without a deploy token (deploys are marked with the admin token only), a Prometheus (ratio SLOs get no data) or real-user sites (rum SLOs get none). */
    public CoordinatorConfig(int port, String bind, String store, Path definitions, List<Agent> agents, Optional<String> adminToken,
                             Optional<String> readToken, Optional<Tls> tls, Duration evaluationInterval, Duration retention,
                             Duration heartbeatTimeout, Path dataDir, long artifactMaxBytes, AlertingConfig alerting) {
        this(port, bind, store, definitions, agents, adminToken, readToken, tls, evaluationInterval, retention, heartbeatTimeout, dataDir,
                artifactMaxBytes, alerting, Optional.empty(), PrometheusConfig.NONE, RumConfig.NONE);
    }

    @Override
    public String toString() {
        return "CoordinatorConfig[port=" + port + ", bind=" + bind + ", store=" + store.replaceAll("password=[^&]*", "password=***")
                + ", definitions=" + definitions + ", agents=" + agents + ", alerting=" + alerting + ", prometheus=" + prometheus
                + ", rum=" + rum + "]";
    }
}
