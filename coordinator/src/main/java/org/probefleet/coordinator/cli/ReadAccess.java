package org.probefleet.coordinator.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command that only reads finds the coordinator: its URL and the read token it may need. */
final class ReadAccess {

    @Mixin
    CoordinatorUrl coordinator;

    @Option(names = "--token-file", paramLabel = "FILE", description = "read token when the coordinator needs one (or env PROBEFLEET_TOKEN)")
    Path tokenFile;

    /** A client of the coordinator with the token from {@code --token-file} or {@code PROBEFLEET_TOKEN}, if any. */
    CoordinatorClient client() throws IOException {
        return CoordinatorClient.create(coordinator.url, CoordinatorClient.token(tokenFile, "PROBEFLEET_TOKEN"));
    }
}
