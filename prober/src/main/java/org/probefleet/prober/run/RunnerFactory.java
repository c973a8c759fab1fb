package org.probefleet.prober.run;

import java.time.Clock;

/** Makes one runner of a journey kind for the calling thread (runners are confined to the thread that made them). */
@FunctionalInterface
public interface RunnerFactory {

    JourneyRunner create(Clock clock);
}
