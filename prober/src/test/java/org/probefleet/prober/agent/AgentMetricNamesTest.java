package org.probefleet.prober.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;

class AgentMetricNamesTest {

    /** What Micrometer's Prometheus naming may append to a name: the unit, the counter suffix, a timer's max. */
    static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_max");

    @Test
    @DisplayName("every metric family the agent exports is a name from Conventions, in Prometheus form")
    void namesComeFromConventions() {
        AgentMetrics metrics = new AgentMetrics(() -> 3, () -> 1);
        metrics.recorded(new Outcome(UUID.randomUUID(), "checkout", "1", "eu-west", "eu-west-1", Instant.parse("2026-11-28T12:00:00Z"),
                1200, OutcomeStatus.SUCCESS, 1, Optional.empty(), Optional.empty(),
                List.of(new StepResult("open", 300, OutcomeStatus.SUCCESS)), Map.of()));
        metrics.lag(Duration.ofMillis(40));
        Set<String> allowed = Conventions.metricNames().stream().map(name -> name.replace('.', '_'))
                .flatMap(base -> SUFFIXES.stream().map(suffix -> base + suffix)).collect(Collectors.toSet());

        List<String> families = metrics.scrape().lines().filter(line -> line.startsWith("# TYPE "))
                .map(line -> line.split(" ")[2]).toList();

        assertThat(families).contains("probefleet_journey_runs_total").allSatisfy(family -> assertThat(allowed).contains(family));
    }
}
