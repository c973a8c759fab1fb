package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.fleet.Confirmations;
import org.probefleet.coordinator.replay.Replay;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.RunTrigger;

/**
 * The budget bias of confirmation runs, by backtest over the scenario library: each scenario's
 * runs are fed to {@link Confirmations} as the coordinator would get them, the confirmation runs
 * it asks for are added (10 s after the failure, going as that region's run of the minute went),
 * and both are replayed. Confirmation runs count like any run: the bias is the bad runs they add,
 * at most one per other region per failure streak, and no scenario raises other alerts with them.
 */
class ConfirmationBacktestTest {

    private static final Duration CONFIRMED_AFTER = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    @DisplayName("confirmation runs add at most one bad run per other region and failure streak, and change no scenario's alerts")
    void biasIsBounded() throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-26s %6s %8s %8s %10s %10s%n",
                "scenario", "streaks", "confirm", "+bad", "consumed", "with"));
        for (Scenario scenario : Scenario.library()) {
            Definitions definitions = ScenarioLibraryTest.definitions(folder.resolve(scenario.name().replaceAll("[^a-z0-9]+", "-")), scenario);
            List<Outcome> scheduled = ScenarioLibraryTest.outcomes(scenario);
            List<Outcome> confirmations = confirmationRuns(scenario, scheduled);
            List<Outcome> all = new ArrayList<>(scheduled);
            all.addAll(confirmations);

            long streaks = streakStarts(scenario);
            long addedBad = confirmations.stream().filter(run -> run.status() == OutcomeStatus.FAILURE).count();
            Result without = replay(definitions, scenario, scheduled);
            Result with = replay(definitions, scenario, all);
            table.append(String.format(Locale.ROOT, "%-26s %6d %8d %8d %9.2f%% %9.2f%%%n", scenario.name(), streaks,
                    confirmations.size(), addedBad, without.consumed() * 100, with.consumed() * 100));

            assertThat(addedBad).as(scenario.name()).isLessThanOrEqualTo(streaks * (Scenario.REGIONS.size() - 1));
            assertThat(with.pages()).as(scenario.name() + ": pages with confirmation runs").isEqualTo(without.pages());
        }
        System.out.print(table);
    }

    /** The confirmation runs the coordinator asks for, each as its region's run of that minute went. */
    private static List<Outcome> confirmationRuns(Scenario scenario, List<Outcome> scheduled) {
        VirtualClock clock = new VirtualClock(Instant.EPOCH);
        Confirmations confirmations = new Confirmations(clock);
        List<Outcome> added = new ArrayList<>();
        List<Outcome> ordered = scheduled.stream().sorted(Comparator.comparing(Outcome::startedAt)).toList();
        for (Outcome run : ordered) {
            clock.set(run.startedAt());
            confirmations.observe(run, Scenario.REGIONS, Duration.ofMinutes(1));
            for (String region : Scenario.REGIONS) {
                for (String journey : confirmations.take(region, List.of(run.journey()))) {
                    int minute = (int) Duration.between(Instant.EPOCH, run.startedAt()).toMinutes();
                    Outcome like = ordered.stream().filter(other -> other.region().equals(region) && other.startedAt().equals(run.startedAt()))
                            .findFirst().orElseThrow();
                    added.add(new Outcome(java.util.UUID.randomUUID(), journey, "1", region, region + "-1", run.startedAt().plus(CONFIRMED_AFTER),
                            like.durationMs(), scenario.plan().run(region, minute) == Scenario.Run.FAILED ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS,
                            1, Optional.empty(), Optional.empty(), List.of(), java.util.Map.of(), RunTrigger.CONFIRMATION));
                }
            }
        }
        return added;
    }

    /** Failed runs that follow a good one (or start the scenario) in their region. */
    private static long streakStarts(Scenario scenario) {
        long starts = 0;
        for (String region : Scenario.REGIONS) {
            boolean failing = false;
            for (int minute = 0; minute < scenario.minutes(); minute++) {
                boolean failed = scenario.plan().run(region, minute) == Scenario.Run.FAILED;
                starts += failed && !failing ? 1 : 0;
                failing = failed;
            }
        }
        return starts;
    }

    record Result(double consumed, long pages) {
    }

    private static Result replay(Definitions definitions, Scenario scenario, List<Outcome> outcomes) {
        List<JsonNode> lines = new ArrayList<>();
        new Replay(definitions).run(outcomes, new Replay.Settings(Optional.of(Instant.EPOCH),
                Optional.of(Instant.EPOCH.plus(Duration.ofMinutes(scenario.minutes() - 1))), Duration.ofMinutes(1), Optional.empty()), lines::add);
        double consumed = lines.stream().filter(line -> line.path("type").asText().equals("summary") && line.path("region").asText().equals("global"))
                .mapToDouble(line -> line.path("consumed").asDouble()).findFirst().orElseThrow();
        long pages = lines.stream().filter(line -> line.path("type").asText().equals("alert_firing") && line.path("severity").asText().equals("page"))
                .count();
        return new Result(consumed, pages);
    }
}
