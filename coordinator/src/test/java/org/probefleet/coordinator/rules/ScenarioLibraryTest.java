package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.replay.Replay;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * Every {@link Scenario} played through {@code ./fleet replay} and, from the same runs, through
 * the generated rules with {@code promtool test rules}: the engine raises what the scenario must
 * and nothing it must not, and the rules agree with the engine at every minute except the one on
 * either side of each start and end (promtool checks each minute the engine's state is steady), so
 * each alert starts and ends within a minute of the engine's. A region ticket beside the page is
 * not compared: Alertmanager's inhibit rule hides it, as the engine drops it.
 */
class ScenarioLibraryTest {

    private static final String SLO = "scenario";
    private static final int FIRST_CHECK = 10;

    @TempDir
    Path folder;

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return Scenario.library().stream().map(scenario -> DynamicTest.dynamicTest(scenario.name(), () -> play(scenario)));
    }

    private void play(Scenario scenario) throws Exception {
        Path dir = folder.resolve(scenario.name().replaceAll("[^a-z0-9]+", "-"));
        Definitions definitions = definitions(dir, scenario);
        List<Timeline> engine = engineTimeline(scenario, definitions);

        long pages = starts(engine, Timeline::page);
        Set<String> ticketed = new TreeSet<>();
        engine.forEach(minute -> ticketed.addAll(minute.tickets()));
        assertThat(pages).as(scenario.name() + ": pages started").isEqualTo(scenario.expect().pages());
        assertThat(ticketed).as(scenario.name() + ": regions ticketed").isSubsetOf(scenario.expect().mayTicket())
                .containsAll(scenario.expect().mustTicket());

        Files.writeString(dir.resolve("rules.yml"), PrometheusRules.render(definitions));
        Files.writeString(dir.resolve("test.yml"), PromtoolScenario.render(scenario, definitions.slo(SLO).orElseThrow(), engine, FIRST_CHECK));
        assertThat(PrometheusRulesTest.promtool(dir, "test", "rules", "test.yml")).contains("SUCCESS");
    }

    /** The engine's page and region tickets at each minute. */
    record Timeline(boolean page, Set<String> tickets) {
    }

    private static List<Timeline> engineTimeline(Scenario scenario, Definitions definitions) {
        List<JsonNode> events = new ArrayList<>();
        new Replay(definitions).run(outcomes(scenario), new Replay.Settings(Optional.of(Instant.EPOCH),
                Optional.of(minute(scenario.minutes() - 1)), Duration.ofMinutes(1), Optional.empty()), events::add);
        List<Timeline> timeline = new ArrayList<>();
        boolean page = false;
        Set<String> tickets = new TreeSet<>();
        int next = 0;
        for (int minute = 0; minute < scenario.minutes(); minute++) {
            for (; next < events.size() && !Instant.parse(events.get(next).path("at").asText()).isAfter(minute(minute)); next++) {
                JsonNode event = events.get(next);
                if (!event.path("alert").asText().equals("burn_rate")) {
                    continue;
                }
                boolean firing = event.path("type").asText().equals("alert_firing");
                String region = event.path("region").asText();
                if (event.path("severity").asText().equals("page")) {
                    page = firing;
                } else if (!region.equals("global")) {
                    if (firing) {
                        tickets.add(region);
                    } else {
                        tickets.remove(region);
                    }
                }
            }
            timeline.add(new Timeline(page, Set.copyOf(tickets)));
        }
        return timeline;
    }

    private static long starts(List<Timeline> timeline, java.util.function.Predicate<Timeline> on) {
        long starts = 0;
        for (int minute = 0; minute < timeline.size(); minute++) {
            if (on.test(timeline.get(minute)) && (minute == 0 || !on.test(timeline.get(minute - 1)))) {
                starts++;
            }
        }
        return starts;
    }

    /** One outcome per run, started at its minute; a slow run takes 10 s. */
    static List<Outcome> outcomes(Scenario scenario) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int minute = 0; minute < scenario.minutes(); minute++) {
            for (String region : Scenario.REGIONS) {
                Scenario.Run run = scenario.plan().run(region, minute);
                outcomes.add(new Outcome(UUID.randomUUID(), "checkout", "1", region, region + "-1", minute(minute),
                        run == Scenario.Run.SLOW ? 10_000 : 1_000, run == Scenario.Run.FAILED ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS,
                        1, Optional.empty(), Optional.empty(), List.of(), Map.of()));
            }
        }
        return outcomes;
    }

    private static Instant minute(int minute) {
        return Instant.EPOCH.plus(Duration.ofMinutes(minute));
    }

    /** Writes the scenario's journey and SLO into {@code dir} and loads them. */
    static Definitions definitions(Path dir, Scenario scenario) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("checkout.yaml"), journeyYaml());
        Files.writeString(dir.resolve("slo.yaml"), sloYaml(scenario));
        return DefinitionLoader.loadFolder(dir).definitions();
    }

    private static String journeyYaml() {
        return """
                journey: checkout
                owner: scenario-team
                schedule: { every: 1m }
                regions: [%s]
                kind: http
                base_url: http://127.0.0.1:9
                steps:
                  - name: home
                    request: { method: GET, path: / }
                    expect: { status: 200 }
                """.formatted(String.join(", ", Scenario.REGIONS));
    }

    private static String sloYaml(Scenario scenario) {
        String threshold = scenario.latencyThreshold() == null ? "" : ", latency_threshold: " + scenario.latencyThreshold();
        return """
                slo:
                  name: %s
                  owner: scenario-team
                  indicator: { journey: checkout%s }
                  target: %s
                  window: %s
                  alert_quorum: 2
                  min_events: 1
                """.formatted(SLO, threshold, scenario.target(), scenario.window());
    }
}
