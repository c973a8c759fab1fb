package org.probefleet.coordinator.cli;

import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Option;

/** The {@code --coordinator} option of every command that talks to a running coordinator. */
final class CoordinatorUrl {

    @Option(names = "--coordinator", paramLabel = "URL", defaultValue = "${env:PROBEFLEET_COORDINATOR:-" + CoordinatorClient.DEFAULT_URL + "}",
            description = "coordinator URL (env PROBEFLEET_COORDINATOR; default ${DEFAULT-VALUE})")
    String url;
}
