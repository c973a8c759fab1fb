package org.probefleet.prober.run;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;

/** Stands in for a kind this agent was built without: each run is a prober error that names the kind. */
final class MissingRunner implements JourneyRunner {

    private final Kind kind;
    private final Clock clock;

    MissingRunner(Kind kind, Clock clock) {
        this.kind = kind;
        this.clock = clock;
    }

    @Override
    public RunResult run(Journey journey, RunContext context) {
        ProberFault fault = new ProberFault("this agent has no runner for " + kind.name().toLowerCase(Locale.ROOT) + " journeys");
        return new RunResult(clock.instant(), 0, Failures.classify(fault), List.of(), Optional.empty(), Optional.empty(),
                Optional.of(Failures.oneLine(fault, context.secrets())), Map.of());
    }

    @Override
    public void close() {
    }
}
