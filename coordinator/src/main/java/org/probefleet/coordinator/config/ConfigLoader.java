package org.probefleet.coordinator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.model.Names;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Problem;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code coordinator.yaml}, then applies environment variables ({@code PROBEFLEET_PORT}…)
 * and flags over it. Every mistake is a {@code file:line:column} problem; any problem stops the start.
 */
public final class ConfigLoader {

    static final List<String> KEYS = List.of("port", "bind", "store", "definitions", "agents", "admin_token_file",
            "read_token_file", "tls", "evaluation_interval", "retention", "heartbeat_timeout", "data_dir", "artifact_max_bytes",
            "alerting", "deploy_token_file", "prometheus", "rum");
    /** Tokens shorter than this are refused: they are guessable. */
    static final int MIN_TOKEN_LENGTH = 16;

    /** The result: a config, or the problems that prevent one. */
    public record Loaded(Optional<CoordinatorConfig> config, List<Problem> problems) {
    }

    private ConfigLoader() {
    }

    /**
     * @param file      the config file, or empty for defaults only
     * @param overrides key → value from flags and environment (same keys as the file), applied last
     */
    public static Loaded load(Optional<Path> file, Map<String, String> overrides) {
        String name = file.map(Path::toString).orElse("<defaults>");
        Diagnostics diagnostics = new Diagnostics(name);
        Section section = null;
        if (file.isPresent()) {
            try {
                Node node = new Yaml(new LoaderOptions()).compose(Files.newBufferedReader(file.get(), StandardCharsets.UTF_8));
                if (node != null) {
                    section = Section.of(node, diagnostics, "the configuration").orElse(null);
                }
            } catch (MarkedYAMLException e) {
                diagnostics.error(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "YAML syntax: " + e.getProblem());
            } catch (IOException e) {
                diagnostics.error(1, 1, "cannot read the configuration: " + e.getMessage());
            }
        }
        if (section != null) {
            section.allowOnly(KEYS);
        }
        Settings settings = new Settings(section, overrides, diagnostics);
        int port = settings.integer("port", CoordinatorConfig.DEFAULT_PORT);
        if (port < 0 || port > 65535) {
            settings.error("port", "port must be from 0 to 65535, not " + port);
        }
        String bind = settings.text("bind", CoordinatorConfig.DEFAULT_BIND);
        String store = settings.text("store", CoordinatorConfig.DEFAULT_STORE);
        if (!(store.startsWith("sqlite:") || store.startsWith("jdbc:sqlite:") || store.startsWith("jdbc:postgresql:"))) {
            settings.error("store", "store '" + store + "' must be sqlite:PATH or jdbc:postgresql://HOST:PORT/DB?user=...");
        }
        Path definitions = Path.of(settings.text("definitions", CoordinatorConfig.DEFAULT_DEFINITIONS.toString()));
        List<CoordinatorConfig.Agent> agents = overrides.containsKey("agents") ? agents(overrides.get("agents"), diagnostics)
                : section == null ? List.of() : agents(section, diagnostics);
        Optional<String> admin = settings.token("admin_token_file");
        Optional<String> read = settings.token("read_token_file");
        Optional<String> deploy = settings.token("deploy_token_file");
        Optional<CoordinatorConfig.Tls> tls = overrides.containsKey("tls.cert") || overrides.containsKey("tls.key")
                ? tls(overrides, diagnostics)
                : section == null ? Optional.empty() : section.section("tls").flatMap(ConfigLoader::tls);
        Duration interval = settings.duration("evaluation_interval", CoordinatorConfig.DEFAULT_EVALUATION_INTERVAL);
        Duration retention = settings.duration("retention", CoordinatorConfig.DEFAULT_RETENTION);
        Duration heartbeat = settings.duration("heartbeat_timeout", CoordinatorConfig.DEFAULT_HEARTBEAT_TIMEOUT);
        Path dataDir = Path.of(settings.text("data_dir", "data"));
        long artifactMax = settings.integer("artifact_max_bytes", (int) CoordinatorConfig.DEFAULT_ARTIFACT_MAX_BYTES);
        Optional<Section> alertingSection = section == null ? Optional.empty() : section.section("alerting");
        AlertingConfig alerting = AlertingSection.read(alertingSection, overrides, diagnostics);
        PrometheusConfig prometheus = PrometheusSection.read(section == null ? Optional.empty() : section.section("prometheus"), overrides,
                diagnostics);
        RumConfig rum = RumSection.read(section == null ? Optional.empty() : section.section("rum"), overrides, diagnostics);
        List<Problem> problems = diagnostics.problems();
        if (!problems.isEmpty()) {
            return new Loaded(Optional.empty(), problems);
        }
        return new Loaded(Optional.of(new CoordinatorConfig(port, bind, store, definitions, agents, admin, read, tls,
                interval, retention, heartbeat, dataDir, artifactMax, alerting, deploy, prometheus, rum)), List.of());
    }

    private static List<CoordinatorConfig.Agent> agents(Section section, Diagnostics diagnostics) {
        List<CoordinatorConfig.Agent> agents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        section.list("agents").ifPresent(items -> {
            for (Node item : items) {
                Section.of(item, diagnostics, "an agent").ifPresent(agent -> {
                    agent.allowOnly(List.of("name", "region", "token_file"));
                    Optional<String> name = agent.requiredText("name", "agent");
                    Optional<String> region = agent.requiredText("region", "agent");
                    region.filter(r -> !Names.isId(r)).ifPresent(r -> diagnostics.error(agent.node("region").orElseThrow(),
                            "region '" + r + "' must be lower-case letters, digits and dashes, like eu-west"));
                    name.filter(n -> !names.add(n)).ifPresent(n -> diagnostics.error(agent.node("name").orElseThrow(),
                            "agent '" + n + "' is listed twice"));
                    Optional<String> token = agent.requiredText("token_file", "agent")
                            .flatMap(path -> readToken(Path.of(path), agent.node("token_file").orElseThrow(), diagnostics));
                    if (name.isPresent() && region.isPresent() && token.isPresent()) {
                        agents.add(new CoordinatorConfig.Agent(name.get(), region.get(), token.get()));
                    }
                });
            }
        });
        return agents;
    }

    /** Agents from a flag or the environment: {@code NAME:REGION:TOKEN_FILE}, comma-separated; they replace the file's list. */
    private static List<CoordinatorConfig.Agent> agents(String listed, Diagnostics diagnostics) {
        List<CoordinatorConfig.Agent> agents = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String entry : listed.split(",")) {
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3 || parts[0].isBlank() || parts[2].isBlank()) {
                diagnostics.error(1, 1, "agent '" + entry.strip() + "' (from --agent or PROBEFLEET_AGENTS) must be NAME:REGION:TOKEN_FILE,"
                        + " like eu-west-1:eu-west:secrets/eu-west-1.token");
            } else if (!Names.isId(parts[1])) {
                diagnostics.error(1, 1, "agent '" + parts[0] + "': region '" + parts[1] + "' must be lower-case letters, digits and dashes, like eu-west");
            } else if (!names.add(parts[0])) {
                diagnostics.error(1, 1, "agent '" + parts[0] + "' is listed twice");
            } else {
                readToken(Path.of(parts[2]), null, diagnostics).ifPresent(token ->
                        agents.add(new CoordinatorConfig.Agent(parts[0], parts[1], token)));
            }
        }
        return agents;
    }

    /** TLS from flags or the environment: both files are needed and must be readable. */
    private static Optional<CoordinatorConfig.Tls> tls(Map<String, String> overrides, Diagnostics diagnostics) {
        Optional<String> cert = Optional.ofNullable(overrides.get("tls.cert"));
        Optional<String> key = Optional.ofNullable(overrides.get("tls.key"));
        if (cert.isEmpty() || key.isEmpty()) {
            diagnostics.error(1, 1, "TLS needs both a certificate and a key: give --tls-cert FILE and --tls-key FILE"
                    + " (PROBEFLEET_TLS_CERT, PROBEFLEET_TLS_KEY)");
            return Optional.empty();
        }
        boolean readable = true;
        for (String path : List.of(cert.get(), key.get())) {
            if (!Files.isReadable(Path.of(path))) {
                diagnostics.error(1, 1, "TLS file " + path + " cannot be read");
                readable = false;
            }
        }
        return readable ? Optional.of(new CoordinatorConfig.Tls(Path.of(cert.get()), Path.of(key.get()))) : Optional.empty();
    }

    private static Optional<CoordinatorConfig.Tls> tls(Section tls) {
        tls.allowOnly(List.of("cert", "key"));
        Optional<String> cert = tls.requiredText("cert", "tls");
        Optional<String> key = tls.requiredText("key", "tls");
        for (String field : List.of("cert", "key")) {
            tls.text(field).filter(path -> !Files.isReadable(Path.of(path))).ifPresent(path ->
                    tls.diagnostics().error(tls.node(field).orElseThrow(), field + " file " + path + " cannot be read"));
        }
        return cert.isPresent() && key.isPresent() ? Optional.of(new CoordinatorConfig.Tls(Path.of(cert.get()), Path.of(key.get()))) : Optional.empty();
    }

    /** Reads a token file; {@code at} is the node that named it, or null when a flag did. */
    static Optional<String> readToken(Path path, Node at, Diagnostics diagnostics) {
        java.util.function.Consumer<String> report = message -> {
            if (at == null) {
                diagnostics.error(1, 1, message);
            } else {
                diagnostics.error(at, message);
            }
        };
        try {
            String token = Files.readString(path, StandardCharsets.UTF_8).trim();
            if (token.length() < MIN_TOKEN_LENGTH) {
                report.accept("token in " + path + " is shorter than " + MIN_TOKEN_LENGTH
                        + " characters: make one with `openssl rand -hex 32 > " + path + "`");
                return Optional.empty();
            }
            return Optional.of(token);
        } catch (IOException e) {
            report.accept("token file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** One setting's value from overrides, else the file, else a default, with problems placed where the value came from. */
    private record Settings(Section section, Map<String, String> overrides, Diagnostics diagnostics) {

        String text(String key, String fallback) {
            if (overrides.containsKey(key)) {
                return overrides.get(key);
            }
            return section == null ? fallback : section.text(key).orElse(fallback);
        }

        int integer(String key, int fallback) {
            if (overrides.containsKey(key)) {
                try {
                    return Integer.parseInt(overrides.get(key));
                } catch (NumberFormatException e) {
                    diagnostics.error(1, 1, key + " '" + overrides.get(key) + "' (from a flag or the environment) must be a whole number");
                    return fallback;
                }
            }
            return section == null ? fallback : section.integer(key).orElse(fallback);
        }

        Duration duration(String key, Duration fallback) {
            if (overrides.containsKey(key)) {
                return org.probefleet.journeys.model.Durations.parse(overrides.get(key)).orElseGet(() -> {
                    diagnostics.error(1, 1, key + " '" + overrides.get(key) + "' (from a flag or the environment) must be a duration like 15s");
                    return fallback;
                });
            }
            Duration value = section == null ? fallback : section.duration(key).orElse(fallback);
            if (value.isZero()) {
                error(key, key + " must be more than 0s");
            }
            return value;
        }

        Optional<String> token(String key) {
            if (overrides.containsKey(key)) {
                return readToken(Path.of(overrides.get(key)), null, diagnostics);
            }
            if (section == null || !section.has(key)) {
                return Optional.empty();
            }
            return section.text(key).flatMap(path -> readToken(Path.of(path), section.node(key).orElseThrow(), diagnostics));
        }

        void error(String key, String message) {
            if (!overrides.containsKey(key) && section != null && section.node(key).isPresent()) {
                diagnostics.error(section.node(key).get(), message);
            } else {
                diagnostics.error(1, 1, message);
            }
        }
    }
}
