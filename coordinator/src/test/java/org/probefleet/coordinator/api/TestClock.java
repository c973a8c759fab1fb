package org.probefleet.coordinator.api;

import java.time.Instant;
import org.probefleet.coordinator.testing.VirtualClock;

/** A clock tests move by hand; it starts at a fixed, non-zero instant. */
public final class TestClock extends VirtualClock {

    public TestClock(Instant start) {
        super(start);
    }
}
