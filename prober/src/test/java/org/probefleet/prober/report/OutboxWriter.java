package org.probefleet.prober.report;

import java.nio.file.Path;
import org.probefleet.wire.outcome.Outcome;

/** A process that records outcomes as fast as it can and prints each runId once it is recorded; killed by a test. */
public final class OutboxWriter {

    public static void main(String[] args) {
        try (Outbox outbox = new Outbox(Path.of(args[0]), 1L << 30)) {
            while (true) {
                Outcome outcome = Outcomes.one();
                outbox.append(outcome);
                System.out.println(outcome.runId());
                System.out.flush();
            }
        }
    }
}
