package org.probefleet.prober.run;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.probefleet.journeys.model.Kind;

/**
 * Which runner runs each journey kind. The runner packages are registered by whoever wires the
 * prober, so this package knows none of them; a kind with no runner runs as a prober error.
 * Shared by every thread: it only makes runners, each thread keeps its own in {@link Runners}.
 */
public final class RunnerRegistry {

    private final Map<Kind, RunnerFactory> factories;
    private final Clock clock;

    private RunnerRegistry(Map<Kind, RunnerFactory> factories, Clock clock) {
        this.factories = factories;
        this.clock = clock;
    }

    /** A registry with no runner yet: add one per kind with {@link #with}. */
    public static RunnerRegistry empty(Clock clock) {
        return new RunnerRegistry(Map.of(), clock);
    }

    /** This registry with {@code factory} making the runners of {@code kind}; registering a kind twice is a wiring mistake. */
    public RunnerRegistry with(Kind kind, RunnerFactory factory) {
        if (factories.containsKey(kind)) {
            throw new IllegalArgumentException("a runner for " + kind + " journeys is already registered");
        }
        Map<Kind, RunnerFactory> more = new EnumMap<>(Kind.class);
        more.putAll(factories);
        more.put(kind, factory);
        return new RunnerRegistry(Map.copyOf(more), clock);
    }

    /** An empty set of runners for the calling thread. */
    public Runners open() {
        return new Runners(this);
    }

    JourneyRunner create(Kind kind) {
        RunnerFactory factory = factories.get(kind);
        return factory != null ? factory.create(clock) : new MissingRunner(kind, clock);
    }
}
