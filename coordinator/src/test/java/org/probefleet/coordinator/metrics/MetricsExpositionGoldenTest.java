package org.probefleet.coordinator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.probefleet.coordinator.slo.Fixtures.T0;

import io.micrometer.core.instrument.Meter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.alerting.FleetHealth;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.Fixtures;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.journeys.model.Mode;
import org.probefleet.journeys.model.Schedule;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.yaml.Origin;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * The coordinator's {@code /metrics} text for one fixed state, against a checked-in golden file:
 * dashboards and rules read these names, so a change to them is a reviewed diff of that file.
 */
class MetricsExpositionGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/coordinator-metrics.prom");
    /** Run with this system property set to {@code true} to rewrite the golden file from the code. */
    static final String UPDATE = "golden.update";

    @Test
    @DisplayName("the /metrics exposition of a fixed state matches the golden file")
    void expositionMatchesGolden() throws IOException {
        String scrape = probefleetSeries(fixedState().scrape());

        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, scrape, StandardCharsets.UTF_8);
        }
        assertThat(scrape)
                .as("/metrics differs from %s; if the change is intended, rewrite the file with "
                        + "./mvnw -o test -pl coordinator -am -Dtest=MetricsExpositionGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -D%s=true "
                        + "and review its diff", GOLDEN, UPDATE)
                .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("every metric the coordinator registers is named in Conventions")
    void namesComeFromConventions() {
        List<String> registered = fixedState().registry().getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();

        assertThat(registered).isNotEmpty().allSatisfy(name -> assertThat(Conventions.metricNames()).contains(name));
    }

    /**
     * Two SLOs over two regions half a day in: checkout burns in us-east (every run failing for the
     * last ten minutes) and pages, login is clean; three agents, one silent past the timeout, and a
     * fourth configured in ap-south that never reported; this coordinator leads. Checkout runs in every region, login only
     * in eu-west and us-east; one outcome of a journey nobody defines arrives too.
     */
    static CoordinatorMetrics fixedState() {
        Instant now = T0.plus(Duration.ofMinutes(10));
        Slo checkout = Fixtures.slo(0.999, Duration.ofDays(30), 1, 3);
        Slo login = new Slo("login-slo", "", "identity", new JourneyIndicator("login", Optional.empty()), 0.99, Duration.ofDays(7), 1, 3,
                checkout.policy(), Optional.empty(), OptionalDouble.empty(), checkout.origin());
        SloEvaluator evaluator = new SloEvaluator();
        SloSnapshot burning = evaluator.evaluate(new Fixtures.Traffic()
                .add("eu-west", T0.minus(Duration.ofHours(12)), now, Duration.ofMinutes(1), Classification.GOOD)
                .add("us-east", T0.minus(Duration.ofHours(12)), T0, Duration.ofMinutes(1), Classification.GOOD)
                .add("us-east", T0, now, Duration.ofSeconds(30), Classification.BAD)
                .input(checkout, List.of("eu-west", "us-east")), now);
        SloSnapshot clean = evaluator.evaluate(new Fixtures.Traffic()
                .add("eu-west", T0.minus(Duration.ofHours(12)), now, Duration.ofMinutes(1), Classification.GOOD)
                .add("us-east", T0.minus(Duration.ofHours(12)), now, Duration.ofMinutes(1), Classification.GOOD)
                .input(login, List.of("eu-west", "us-east")), now);

        VirtualClock clock = new VirtualClock(now.minus(Duration.ofMinutes(5)));
        AgentRegistry agents = new AgentRegistry(clock, Duration.ofSeconds(90));
        AgentRegistry.Status status = new AgentRegistry.Status(Conventions.VERSION, 2, true, 0, 0, 0);
        agents.beat("us-east-2", "us-east", status);
        clock.set(now);
        agents.beat("eu-west-1", "eu-west", status);
        agents.beat("us-east-1", "us-east", status);
        CoordinatorMetrics metrics = new CoordinatorMetrics(List.of(new FleetHealth.Expected("eu-west-1", "eu-west"),
                new FleetHealth.Expected("us-east-1", "us-east"), new FleetHealth.Expected("us-east-2", "us-east"),
                new FleetHealth.Expected("ap-south-1", "ap-south")));
        metrics.journeys(List.of(journey("checkout", List.of()), journey("login", List.of("us-east", "eu-west"))));
        metrics.update(List.of(burning, clean), agents);
        metrics.leading(true);

        Map<OutcomeStatus, Integer> runs = Map.of(OutcomeStatus.SUCCESS, 3, OutcomeStatus.FAILURE, 2, OutcomeStatus.PROBER_ERROR, 1);
        runs.forEach((outcomeStatus, count) -> {
            for (int i = 0; i < count; i++) {
                metrics.ingested(outcome("checkout", "us-east", outcomeStatus, now));
            }
        });
        metrics.ingested(outcome("login", "eu-west", OutcomeStatus.SUCCESS, now));
        metrics.ingested(outcome("removed-yesterday", "eu-west", OutcomeStatus.SUCCESS, now));
        return metrics;
    }

    static Journey journey(String id, List<String> regions) {
        return new Journey(id, "", "payments", new Schedule.Every(Duration.ofMinutes(1), Duration.ZERO), regions, Duration.ofSeconds(30),
                0, Mode.LIVE, Optional.empty(), Kind.HTTP, List.of(), Optional.of("org.example." + id), new Origin(id + ".yaml", 1, 1));
    }

    static Outcome outcome(String journey, String region, OutcomeStatus status, Instant at) {
        return new Outcome(UUID.nameUUIDFromBytes((journey + region + status).getBytes(StandardCharsets.UTF_8)), journey, "v1", region,
                region + "-1", at, 1200, status, 1, Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** A clock the test sets: agents heartbeat at different instants. */
    /** Only Probefleet's own families, so a library that adds its own series does not touch the golden file. */
    static String probefleetSeries(String scrape) {
        return scrape.lines().filter(line -> line.contains("probefleet_")).collect(Collectors.joining("\n", "", "\n"));
    }
}
