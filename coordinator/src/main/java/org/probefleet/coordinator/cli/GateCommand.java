package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.probefleet.journeys.outcome.OutcomeJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet gate SLO}: the release decision for a pipeline step. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Ask whether the policy allows a release now, from the SLO's budget state.",
                "Exit status: 0 allowed, 3 blocked, 2 unknown (coordinator unreachable, SLO unknown)."})
public final class GateCommand implements Callable<Integer> {

    static final int ALLOWED = 0;
    static final int BLOCKED = 3;
    static final int UNKNOWN = 2;

    @Parameters(index = "0", paramLabel = "SLO", description = "the SLO's name")
    String slo;

    @Option(names = "--coordinator", defaultValue = "${env:PROBEFLEET_COORDINATOR:-" + CoordinatorClient.DEFAULT_URL + "}",
            description = "coordinator URL (env PROBEFLEET_COORDINATOR; default ${DEFAULT-VALUE})")
    String coordinator;

    @Option(names = "--token-file", paramLabel = "FILE", description = "read token, when the coordinator needs one (or env PROBEFLEET_TOKEN)")
    Path tokenFile;

    @Option(names = "--json", description = "print the coordinator's answer as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HttpResponse<String> response;
        try {
            response = new CoordinatorClient(coordinator, CoordinatorClient.token(tokenFile, "PROBEFLEET_TOKEN"))
                    .send("GET", "api/v1/slos/" + slo + "/gate", null);
        } catch (CoordinatorClient.Unreachable e) {
            err.println("gate: unknown: " + e.getMessage());
            err.flush();
            return UNKNOWN;
        }
        JsonNode body;
        try {
            body = OutcomeJson.MAPPER.readTree(response.body());
        } catch (Exception e) {
            err.println("gate: unknown: the coordinator answered " + response.statusCode() + " without JSON");
            err.flush();
            return UNKNOWN;
        }
        if (response.statusCode() != 200) {
            err.println("gate: unknown: " + body.path("error").asText("HTTP " + response.statusCode()));
            err.flush();
            return UNKNOWN;
        }
        boolean allowed = body.path("allowed").asBoolean(false);
        if (json) {
            out.println(body.toPrettyString());
        } else {
            out.println((allowed ? "ALLOWED" : "BLOCKED") + "  " + slo + ": " + body.path("state").asText());
            out.println(body.path("reason").asText());
            if (body.path("requires").size() > 0) {
                out.println("The policy requires:");
                body.path("requires").forEach(rule -> out.println("  - " + rule.asText()));
            }
        }
        out.flush();
        return allowed ? ALLOWED : BLOCKED;
    }
}
