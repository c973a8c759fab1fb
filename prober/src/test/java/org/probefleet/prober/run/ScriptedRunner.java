package org.probefleet.prober.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeStatus;

/** A runner that ends its attempts with the statuses it is given, in order, and counts its runs and closes. */
public final class ScriptedRunner implements JourneyRunner {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private final Deque<OutcomeStatus> statuses;
    public int runs;
    public int closes;

    public ScriptedRunner(OutcomeStatus... statuses) {
        this.statuses = new ArrayDeque<>(List.of(statuses));
    }

    /** A one-step journey of {@code kind} ("http" or "browser") with {@code retries} retries. */
    public static Journey journey(String kind, int retries) {
        String step = kind.equals("http") ? "request: { path: /x }" : "goto: /";
        return DefinitionLoader.load(List.of(new SourceFile("scripted.yaml", "journey: scripted\nkind: " + kind + "\nretries: " + retries
                + "\nsteps:\n  - " + step + "\n"))).definitions().journeys().get(0);
    }

    public static RunContext context() {
        return new RunContext("eu-west", "eu-west-1", Optional.empty(), new Secrets(name -> null, Map.of()), java.nio.file.Path.of("unused"),
                Evidence.NONE);
    }

    @Override
    public RunResult run(Journey journey, RunContext context) {
        runs++;
        OutcomeStatus status = statuses.size() > 1 ? statuses.pop() : statuses.peek();
        return new RunResult(CLOCK.instant(), 10, status, List.of(), Optional.empty(), Optional.empty(),
                status == OutcomeStatus.SUCCESS ? Optional.empty() : Optional.of("attempt " + runs + " ended " + status), Map.of());
    }

    @Override
    public void close() {
        closes++;
    }
}
