package org.probefleet.coordinator.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.cli.CoordinatorCli;
import picocli.CommandLine;

/** A coordinator on a test clock and the command line that talks to it, with what the commands printed. */
abstract class CoordinatorCliFixture {

    @TempDir
    Path folder;
    final TestClock clock = new TestClock(IngestApiTest.NOW);
    TestCoordinator coordinator;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, clock);
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    /** Runs {@code ./fleet ARGS} in this JVM; its output goes to {@link #out} and {@link #err}. */
    int fleet(String... args) {
        CommandLine command = new CommandLine(new CoordinatorCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }
}
