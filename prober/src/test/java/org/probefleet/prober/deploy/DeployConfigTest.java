package org.probefleet.prober.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.alerting.DeliveryResult;
import org.probefleet.coordinator.alerting.FleetHealth;
import org.probefleet.coordinator.alerting.Receiver;
import org.probefleet.coordinator.config.ConfigLoader;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.metrics.CoordinatorMetrics;
import org.probefleet.coordinator.rules.PrometheusRules;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.RollingSeries;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;
import org.probefleet.prober.agent.AgentMetrics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Every file under deploy/ is checked: by the real promtool and amtool, by parsing, and against what the services expose. */
class DeployConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Path DEPLOY = Path.of("../deploy");
    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is needed: install it (Debian/Ubuntu: apt-get install -y prometheus"
                    + " prometheus-alertmanager) or run ./fleet test", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    static List<Object> yamlDocuments(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        new Yaml(new LoaderOptions()).loadAll(Files.readString(file)).forEach(documents::add);
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    static List<Path> files(String... extensions) throws IOException {
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            return walk.filter(Files::isRegularFile).filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/src/"))
                    .filter(path -> Stream.of(extensions).anyMatch(ext -> path.toString().endsWith(ext))).sorted().toList();
        }
    }

    @Test
    @DisplayName("promtool accepts the Prometheus config and its rules; the rules are what ./fleet rules writes for the examples")
    void prometheus() throws Exception {
        String output = run("promtool", "check", "config", DEPLOY.resolve("prometheus/prometheus.yml").toString());

        assertThat(output).contains("SUCCESS: 1 rule files found", "is valid prometheus config file syntax", "SUCCESS: 114 rules found");
        assertThat(Files.readString(DEPLOY.resolve("prometheus/probefleet-rules.yml")))
                .as("deploy/prometheus/probefleet-rules.yml is stale: ./fleet rules journeys/examples -o deploy/prometheus/probefleet-rules.yml")
                .isEqualTo(PrometheusRules.render(examples()));
    }

    @Test
    @DisplayName("amtool accepts the Alertmanager config: routes for page and ticket, the page inhibits tickets")
    void alertmanager() throws Exception {
        String output = run("amtool", "check-config", DEPLOY.resolve("alertmanager/alertmanager.yml").toString());

        assertThat(output).contains("SUCCESS", "1 inhibit rules", "3 receivers");
        Map<String, Object> route = map(map(yamlDocuments(DEPLOY.resolve("alertmanager/alertmanager.yml")).get(0)).get("route"));
        assertThat(route.get("routes").toString()).contains("severity=\"page\"", "severity=\"ticket\"");
    }

    @Test
    @DisplayName("every YAML and JSON file under deploy/ parses")
    void everyFileParses() throws Exception {
        List<Path> yaml = files(".yml", ".yaml");
        List<Path> json = files(".json");
        for (Path file : yaml) {
            assertThat(yamlDocuments(file)).as(file + " has a document").isNotEmpty();
        }
        for (Path file : json) {
            assertThat(JSON.readTree(file.toFile()).isObject()).as(file.toString()).isTrue();
        }
        assertThat(yaml).hasSizeGreaterThanOrEqualTo(10);
        assertThat(json).isNotEmpty();
    }

    @Test
    @DisplayName("compose runs the coordinator, three regional probers, the shop, Prometheus, Alertmanager and Grafana from files that exist")
    void compose() throws Exception {
        Path compose = DEPLOY.resolve("compose/compose.yaml");
        Map<String, Object> services = map(map(yamlDocuments(compose).get(0)).get("services"));

        assertThat(services).containsKeys("coordinator", "prober-eu-west", "prober-us-east", "prober-ap-south", "shop", "prometheus",
                "alertmanager", "grafana");
        for (Object service : services.values()) {
            Object build = map(service).get("build");
            if (build != null) {
                assertThat(Path.of("..").resolve(map(build).get("dockerfile").toString())).exists();
            }
            Object volumes = map(service).get("volumes");
            for (Object volume : volumes == null ? List.of() : (List<?>) volumes) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(compose.getParent().resolve(source)).as(volume.toString()).exists();
                }
            }
        }
    }

    @Test
    @DisplayName("Kubernetes: a prober Deployment per region with resources, probes and scrape annotations; the coordinator with a volume and a Service")
    void kubernetes() throws Exception {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Path file : files(".yaml", ".yml").stream().filter(path -> path.toString().contains("kubernetes")).toList()) {
            yamlDocuments(file).forEach(document -> objects.add(map(document)));
        }
        for (Map<String, Object> object : objects) {
            assertThat(object).containsKeys("apiVersion", "kind");
        }
        List<Map<String, Object>> probers = objects.stream().filter(o -> "Deployment".equals(o.get("kind"))
                && map(o.get("metadata")).get("name").toString().startsWith("probefleet-prober-")).toList();
        assertThat(probers).extracting(o -> map(o.get("metadata")).get("name"))
                .containsExactlyInAnyOrderElementsOf(REGIONS.stream().map(region -> "probefleet-prober-" + region).toList());
        for (Map<String, Object> prober : probers) {
            Map<String, Object> template = map(map(prober.get("spec")).get("template"));
            assertThat(map(map(template.get("metadata")).get("annotations"))).containsEntry("prometheus.io/scrape", "true");
            Map<String, Object> container = map(((List<?>) map(template.get("spec")).get("containers")).get(0));
            assertThat(map(container.get("resources"))).containsKeys("requests", "limits");
            assertThat(container).containsKeys("readinessProbe", "livenessProbe");
        }
        assertThat(objects).extracting(o -> o.get("kind").toString()).contains("StatefulSet", "Service", "ConfigMap", "Namespace");
    }

    @Test
    @DisplayName("the coordinator configurations under deploy/ load; only their token files are missing here")
    void coordinatorConfigs() throws Exception {
        List<Path> configs = new ArrayList<>(List.of(DEPLOY.resolve("compose/coordinator.yaml"), DEPLOY.resolve("compose/coordinator-group.yaml")));
        for (Object document : yamlDocuments(DEPLOY.resolve("kubernetes/coordinator.yaml"))) {
            if ("ConfigMap".equals(map(document).get("kind"))) {
                Path extracted = Files.createTempFile("coordinator", ".yaml");
                Files.writeString(extracted, map(map(document).get("data")).get("coordinator.yaml").toString());
                configs.add(extracted);
            }
        }
        for (Path config : configs) {
            var problems = ConfigLoader.load(Optional.of(config), Map.of()).problems();
            assertThat(problems).as(config.toString()).allSatisfy(problem -> assertThat(problem.toString()).contains("token file /secrets/"));
        }
        assertThat(configs).hasSize(3);
    }

    @Test
    @DisplayName("compose's group file adds PostgreSQL and a second coordinator on the same config, and gives every agent both coordinators")
    void composeGroup() throws Exception {
        Path group = DEPLOY.resolve("compose/group.yaml");
        Map<String, Object> services = map(map(yamlDocuments(group).get(0)).get("services"));
        Map<String, Object> base = map(map(yamlDocuments(DEPLOY.resolve("compose/compose.yaml")).get(0)).get("services"));

        assertThat(map(services.get("postgres")).get("image").toString()).startsWith("postgres:");
        for (String coordinator : List.of("coordinator", "coordinator-b")) {
            assertThat(map(services.get(coordinator)).get("volumes").toString()).as(coordinator)
                    .contains("./coordinator-group.yaml:/etc/probefleet/coordinator.yaml:ro");
            assertThat(map(map(services.get(coordinator)).get("depends_on"))).as(coordinator).containsKey("postgres");
        }
        assertThat(group.getParent().resolve("coordinator-group.yaml")).exists();
        assertThat(storeOf(yamlDocuments(DEPLOY.resolve("compose/coordinator-group.yaml")).get(0))).startsWith("jdbc:postgresql://postgres:5432/");
        for (String region : REGIONS) {
            List<?> command = (List<?>) map(services.get("prober-" + region)).get("command");
            String coordinators = command.get(command.indexOf("--coordinator") + 1).toString();
            assertThat(coordinators.split(",")).as(region).containsExactlyInAnyOrder("http://coordinator:8080", "http://coordinator-b:8080");
            assertThat(base).containsKey("prober-" + region);
        }
    }

    @Test
    @DisplayName("Kubernetes runs the coordinator as two replicas on PostgreSQL, the store URL from a Secret, and a PostgreSQL to try it with")
    void kubernetesGroup() throws Exception {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yamlDocuments(DEPLOY.resolve("kubernetes/coordinator.yaml"))) {
            objects.add(map(document));
        }
        Map<String, Object> coordinator = objects.stream().filter(o -> "StatefulSet".equals(o.get("kind"))).findFirst().orElseThrow();
        assertThat(map(coordinator.get("spec")).get("replicas")).isEqualTo(2);
        Map<String, Object> config = objects.stream().filter(o -> "ConfigMap".equals(o.get("kind"))).findFirst().orElseThrow();
        Object configText = new Yaml().load(map(config.get("data")).get("coordinator.yaml").toString());
        assertThat(storeOf(configText)).startsWith("jdbc:postgresql://");
        Map<String, Object> container = map(((List<?>) map(map(map(coordinator.get("spec")).get("template")).get("spec")).get("containers")).get(0));
        assertThat((List<?>) container.get("env")).extracting(env -> map(env).get("name")).contains("PROBEFLEET_STORE");

        assertThat(Files.readString(DEPLOY.resolve("kubernetes/kustomization.yaml"))).contains("- postgres.yaml");
        assertThat(yamlDocuments(DEPLOY.resolve("kubernetes/postgres.yaml"))).extracting(o -> map(o).get("kind"))
                .containsExactly("StatefulSet", "Service");
    }

    /** The store a coordinator configuration names; the config loader checks it is a valid store URL. */
    private static String storeOf(Object configuration) {
        return map(configuration).get("store").toString();
    }

    @Test
    @DisplayName("every metric the Grafana dashboard and the rules use is one the agent, the coordinator or a recording rule provides")
    void metricsExist() throws Exception {
        Set<String> exposed = new TreeSet<>();
        exposed.addAll(names(agentScrape()));
        exposed.addAll(names(coordinatorScrape()));
        String rules = Files.readString(DEPLOY.resolve("prometheus/probefleet-rules.yml"));
        Matcher recorded = Pattern.compile("record: (\\S+)").matcher(rules);
        while (recorded.find()) {
            exposed.add(recorded.group(1));
        }
        Set<String> used = new TreeSet<>();
        JsonNode dashboard = JSON.readTree(DEPLOY.resolve("grafana/dashboards/probefleet.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> used.addAll(metricsIn(target.path("expr").asText()))));
        dashboard.path("templating").path("list").forEach(variable -> used.addAll(metricsIn(variable.path("query").asText())));
        Matcher expressions = Pattern.compile("expr: (.+)").matcher(rules);
        while (expressions.find()) {
            used.addAll(metricsIn(expressions.group(1)));
        }

        assertThat(used).hasSizeGreaterThan(10);
        assertThat(exposed).containsAll(used);
    }

    static Set<String> metricsIn(String expression) {
        Set<String> metrics = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\b(probefleet_[a-z_]+|slo:[a-z_:0-9]+)").matcher(expression);
        while (matcher.find()) {
            metrics.add(matcher.group(1));
        }
        return metrics;
    }

    static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]")[0]);
            }
        }
        return names;
    }

    static String agentScrape() {
        AgentMetrics metrics = new AgentMetrics(() -> 3, () -> 0);
        for (OutcomeStatus status : OutcomeStatus.values()) {
            metrics.recorded(new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.now(), 1200, status, 1,
                    Optional.empty(), Optional.empty(), List.of(new StepResult("open home", 300, status)), Map.of()));
        }
        metrics.lag(Duration.ofMillis(40));
        return metrics.scrape();
    }

    static String coordinatorScrape() {
        CoordinatorMetrics metrics = new CoordinatorMetrics(List.of(new FleetHealth.Expected("eu-west-1", "eu-west")));
        Definitions definitions = examples();
        metrics.journeys(definitions.journeys());
        Slo slo = definitions.slos().get(0);
        RollingSeries series = new RollingSeries(slo.window());
        for (int second = 10; second <= 100; second += 10) {
            series.add(Instant.now().minusSeconds(second), Classification.BAD);
        }
        SloSnapshot snapshot = new SloEvaluator().evaluate(new SloInput(slo, Policy.DEFAULT, REGIONS, region -> series,
                Duration.ofMinutes(3), Instant.now().minus(Duration.ofHours(1))), Instant.now());
        AgentRegistry agents = new AgentRegistry(Clock.systemUTC(), Duration.ofSeconds(30));
        agents.beat("eu-west-1", "eu-west", new AgentRegistry.Status("0.1.0", 2, true, 0, 140, 0));
        metrics.ingested(new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.now(), 1200,
                OutcomeStatus.SUCCESS, 1, Optional.empty(), Optional.empty(), List.of(), Map.of()));
        metrics.notification(Receiver.ALERTMANAGER, DeliveryResult.SENT);
        assertThat(snapshot.firing()).as("a firing alert, so its gauge is exposed").isNotEmpty();
        metrics.update(List.of(snapshot), agents);
        return metrics.scrape();
    }

    static Definitions examples() {
        return DefinitionLoader.loadFolder(Path.of("../journeys/examples")).definitions();
    }
}
