package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.service.DefinitionSet;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet apply DIR}: validates definitions locally, then pushes them to a coordinator. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Push the journeys, SLOs and policies under DIR to a coordinator.",
                "They are checked first (as ./fleet check does) and again by the coordinator;",
                "nothing changes unless every file is valid. Exit 0 applied, 1 refused."})
public final class ApplyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "definitions folder")
    Path folder;

    @Mixin
    CoordinatorUrl coordinator;

    @Option(names = "--token-file", paramLabel = "FILE", description = "admin token file (or env PROBEFLEET_ADMIN_TOKEN)")
    Path tokenFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("apply: " + folder + " is not a folder");
            err.flush();
            return 1;
        }
        DefinitionSet set = DefinitionSet.fromFolder(folder);
        if (!set.loaded().ok()) {
            set.loaded().problems().forEach(problem -> err.println(problem.under(folder)));
            err.println("apply: nothing pushed; fix the problems above");
            err.flush();
            return 1;
        }
        Optional<String> token = CoordinatorClient.token(tokenFile, "PROBEFLEET_ADMIN_TOKEN");
        if (token.isEmpty()) {
            err.println("apply: give the admin token with --token-file FILE or PROBEFLEET_ADMIN_TOKEN");
            err.flush();
            return 1;
        }
        CoordinatorClient.Response response;
        try {
            response = CoordinatorCalls.call(CoordinatorClient.create(coordinator.url, token),
                    client -> client.pushDefinitions(set.toJson().toString()));
        } catch (CoordinatorCalls.Unreachable e) {
            err.println("apply: " + e.getMessage());
            err.flush();
            return 1;
        }
        JsonNode body = Answers.read(response.body());
        if (response.status() != 200) {
            err.println("apply: refused (" + response.status() + "): " + body.path("error").asText());
            body.path("problems").forEach(problem -> err.println("  " + problem.asText()));
            err.flush();
            return 1;
        }
        out.printf("applied %s: %d journeys, %d SLOs, %d policies%n", body.path("version").asText(), body.path("journeys").asInt(),
                body.path("slos").asInt(), body.path("policies").asInt());
        out.flush();
        return 0;
    }
}
