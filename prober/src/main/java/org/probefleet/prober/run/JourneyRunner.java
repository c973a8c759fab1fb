package org.probefleet.prober.run;

import org.probefleet.journeys.model.Journey;

/** Runs one attempt of a journey. Implementations are confined to the thread that created them. */
public interface JourneyRunner extends AutoCloseable {

    RunResult run(Journey journey, RunContext context);

    @Override
    void close();
}
