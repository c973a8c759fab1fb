package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.replay.Replay;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.Durations;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * The promtool unit test of the generated rules ({@code deploy/prometheus/probefleet-rules.test.yml})
 * passes, and {@code ./fleet replay} over the same runs fires the same page and region tickets at
 * every time that file checks.
 */
class RulesAgreeWithReplayTest {

    static final Path TEST_FILE = Path.of("../deploy/prometheus/probefleet-rules.test.yml");
    static final Pattern SERIES = Pattern.compile("probefleet_journey_runs_total\\{journey=\"([^\"]+)\",region=\"([^\"]+)\",status=\"([^\"]+)\"}");
    static final Pattern EXPANDING = Pattern.compile("(-?\\d+)([+-]\\d+)x(\\d+)");
    static final Pattern MISSING = Pattern.compile("_(?:x(\\d+))?");

    @Test
    @DisplayName("promtool test rules passes on the generated rules")
    void promtoolTestRules() throws Exception {
        String output = PrometheusRulesTest.promtool(TEST_FILE.getParent(), "test", "rules", TEST_FILE.getFileName().toString());

        assertThat(output).contains("SUCCESS");
    }

    @Test
    @DisplayName("./fleet replay on the same runs fires the page and the region tickets that promtool expects, at each checked minute of each test")
    void replayAgrees() throws Exception {
        int checks = 0;
        for (JsonNode test : PrometheusRules.YAML.readTree(TEST_FILE.toFile()).path("tests")) {
            checks += agree(test);
        }
        assertThat(checks).isGreaterThanOrEqualTo(24);
    }

    /** Replays one promtool test's runs and compares every alert check; returns how many it compared. */
    private static int agree(JsonNode test) {
        List<Outcome> outcomes = outcomes(test.path("input_series"));
        List<JsonNode> events = new ArrayList<>();
        new Replay(DefinitionLoader.loadFolder(Path.of(PrometheusRulesTest.EXAMPLES)).definitions()).run(outcomes,
                new Replay.Settings(Optional.empty(), Optional.empty(), Duration.ofMinutes(1), Optional.empty()), events::add);

        int checks = 0;
        for (JsonNode check : test.path("alert_rule_test")) {
            Instant at = Instant.EPOCH.plus(Durations.parse(check.path("eval_time").asText()).orElseThrow());
            String alertname = check.path("alertname").asText();
            Set<String> expected = new TreeSet<>();
            check.path("exp_alerts").forEach(alert -> expected.add(alert.path("exp_labels").path("region").asText()));
            Set<String> firing = firing(events, at, alertname.equals("ProbefleetSLOPage") ? "page" : "ticket");
            if (alertname.equals("ProbefleetSLORegionTicket")) {
                firing.remove("global");
                if (!firing(events, at, "page").isEmpty()) {
                    // A ticket held from before the page stays in Prometheus, where Alertmanager's inhibit rule hides it.
                    expected.clear();
                }
            }
            assertThat(firing).as(alertname + " at " + check.path("eval_time").asText()).isEqualTo(expected);
            checks++;
        }
        return checks;
    }

    /** The scopes of checkout's burn-rate alerts of one severity firing at {@code at}, from the replay's events. */
    static Set<String> firing(List<JsonNode> events, Instant at, String severity) {
        Set<String> firing = new TreeSet<>();
        for (JsonNode event : events) {
            if (!event.path("slo").asText().equals("checkout-journey-success") || !event.path("alert").asText().equals("burn_rate")
                    || !event.path("severity").asText().equals(severity) || Instant.parse(event.path("at").asText()).isAfter(at)) {
                continue;
            }
            if (event.path("type").asText().equals("alert_firing")) {
                firing.add(event.path("region").asText());
            } else if (event.path("type").asText().equals("alert_resolved")) {
                firing.remove(event.path("region").asText());
            }
        }
        return firing;
    }

    /** One run per counter increment, started at the sample's minute; a counter that drops restarted from 0, and a missing sample adds none. */
    static List<Outcome> outcomes(JsonNode inputSeries) {
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode series : inputSeries) {
            Matcher name = SERIES.matcher(series.path("series").asText());
            if (!name.matches()) {
                continue;
            }
            List<Long> values = expand(series.path("values").asText());
            long previous = 0;
            for (int minute = 0; minute < values.size(); minute++) {
                Long value = values.get(minute);
                if (value == null) {
                    continue;
                }
                long runs = value < previous ? value : value - previous;
                previous = value;
                for (long run = 0; run < runs; run++) {
                    OutcomeStatus status = OutcomeStatus.valueOf(name.group(3).toUpperCase(java.util.Locale.ROOT));
                    outcomes.add(new Outcome(UUID.randomUUID(), name.group(1), "1", name.group(2), name.group(2) + "-1",
                            Instant.EPOCH.plus(Duration.ofMinutes(minute)), 1000, status, 1, Optional.empty(), Optional.empty(),
                            List.of(), Map.of()));
                }
            }
        }
        assertThat(outcomes).isNotEmpty();
        return outcomes;
    }

    /** promtool's expanding notation: {@code a+bxn} is a, a+b, …, a+n·b; {@code _xn} is n missing samples (null). */
    static List<Long> expand(String values) {
        List<Long> expanded = new ArrayList<>();
        for (String token : values.trim().split("\\s+")) {
            Matcher matcher = EXPANDING.matcher(token);
            Matcher missing = MISSING.matcher(token);
            if (matcher.matches()) {
                long start = Long.parseLong(matcher.group(1));
                long step = Long.parseLong(matcher.group(2));
                for (int i = 0; i <= Integer.parseInt(matcher.group(3)); i++) {
                    expanded.add(start + i * step);
                }
            } else if (missing.matches()) {
                for (int i = 0; i < (missing.group(1) == null ? 1 : Integer.parseInt(missing.group(1))); i++) {
                    expanded.add(null);
                }
            } else {
                expanded.add(Long.parseLong(token));
            }
        }
        return expanded;
    }
}
