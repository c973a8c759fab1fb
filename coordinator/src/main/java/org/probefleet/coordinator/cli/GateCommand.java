package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet gate SLO}: the release decision for a pipeline step. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Ask whether the policy allows a release now, from the SLO's budget state.",
                "Exit status: 0 allowed, 3 blocked, 2 unknown (coordinator unreachable, SLO unknown).",
                "With the admin token: --override allow|block --reason TEXT --by NAME --expires 4h sets an override",
                "(kept in the audit log); --clear-override --by NAME ends it.",
                "--estimate also blocks when a p90 release (from past releases) would move the SLO into a state that forbids releases."})
public final class GateCommand implements Callable<Integer> {

    static final int ALLOWED = 0;
    static final int BLOCKED = 3;
    static final int UNKNOWN = 2;

    @Parameters(index = "0", paramLabel = "SLO", description = "the SLO's name")
    String slo;

    @Mixin
    CoordinatorUrl coordinator;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "read token when the coordinator needs one, the admin token to override (or env PROBEFLEET_TOKEN)")
    Path tokenFile;

    @Option(names = "--override", paramLabel = "allow|block", description = "set an override: release despite the policy, or block despite it")
    String override;

    @Option(names = "--clear-override", description = "end the override in force")
    boolean clearOverride;

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (for --override and --clear-override; in the audit log)")
    String reason;

    @Option(names = "--by", paramLabel = "NAME", description = "who (for --override and --clear-override; in the audit log)")
    String by;

    @Option(names = "--expires", paramLabel = "WHEN", description = "for --override: a duration like 4h or a time like 2026-11-28T18:00:00Z (at most 7d)")
    String expires;

    @Option(names = "--estimate", description = "block too when a p90 release would move the SLO into a state that forbids releases")
    boolean estimate;

    @Option(names = "--json", description = "print the coordinator's answer as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CoordinatorClient client = CoordinatorClient.create(coordinator.url, CoordinatorClient.token(tokenFile, "PROBEFLEET_TOKEN"));
        CoordinatorClient.Response response;
        try {
            if (override != null || clearOverride) {
                return changeOverride(client, out, err);
            }
            response = CoordinatorCalls.call(client, remote -> remote.gate(slo));
        } catch (CoordinatorCalls.Unreachable e) {
            err.println("gate: unknown: " + e.getMessage());
            err.flush();
            return UNKNOWN;
        }
        JsonNode body;
        try {
            body = Answers.read(response.body());
        } catch (Exception e) {
            err.println("gate: unknown: the coordinator answered " + response.status() + " without JSON");
            err.flush();
            return UNKNOWN;
        }
        if (response.status() != 200) {
            err.println("gate: unknown: " + body.path("error").asText("HTTP " + response.status()));
            err.flush();
            return UNKNOWN;
        }
        boolean allowed = body.path("allowed").asBoolean(false);
        if (estimate && allowed && body.path("override").isMissingNode()) {
            return withEstimate(client, body, out, err);
        }
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

    /** The policy allows a release now: blocked all the same (exit 3) when a p90 release would take the SLO where it forbids them. */
    private int withEstimate(CoordinatorClient client, JsonNode gate, PrintWriter out, PrintWriter err) {
        JsonNode estimated;
        try {
            estimated = EstimateCommand.fetch(client, slo);
        } catch (CoordinatorCalls.Unreachable e) {
            err.println("gate: unknown: " + e.getMessage());
            err.flush();
            return UNKNOWN;
        }
        boolean blocks = estimated.path("p90_blocks").asBoolean(false);
        if (json) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) gate).put("allowed", !blocks).set("estimate", estimated);
            out.println(gate.toPrettyString());
        } else {
            out.println((blocks ? "BLOCKED" : "ALLOWED") + "  " + slo + ": " + gate.path("state").asText()
                    + (blocks ? ", but a p90 release would make it " + estimated.path("state_after_p90").asText() : ""));
            out.println(gate.path("reason").asText());
            out.println(estimated.path("sentence").asText());
        }
        out.flush();
        return blocks ? BLOCKED : ALLOWED;
    }

    /** Sets or clears an override; exit 0 when the coordinator took it, 1 when it refused, 2 on a usage mistake. */
    private int changeOverride(CoordinatorClient client, PrintWriter out, PrintWriter err) throws CoordinatorCalls.Unreachable, java.io.IOException {
        if (override != null && clearOverride) {
            err.println("gate: --override and --clear-override exclude each other");
            err.flush();
            return UNKNOWN;
        }
        if (override != null && !override.equals("allow") && !override.equals("block")) {
            err.println("gate: --override must be allow or block, not '" + override + "'");
            err.flush();
            return UNKNOWN;
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (by != null) {
            body.put("by", by);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        CoordinatorClient.Response response;
        if (override != null) {
            body.put("allowed", override.equals("allow"));
            if (expires != null) {
                body.put("expires", expires);
            }
            response = CoordinatorCalls.call(client, remote -> remote.setGateOverride(slo, body.toString()));
        } else {
            response = CoordinatorCalls.call(client, remote -> remote.clearGateOverride(slo, body.toString()));
        }
        JsonNode answer = Answers.read(response.body());
        if (response.status() != 200) {
            err.println("gate: " + answer.path("error").asText("HTTP " + response.status()));
            answer.path("problems").forEach(problem -> err.println("  - " + problem.asText()));
            err.flush();
            return 1;
        }
        out.println(override != null ? "OVERRIDE  " + slo + ": releases " + (override.equals("allow") ? "allowed" : "blocked") + " until "
                + answer.path("expires").asText() + " (by " + answer.path("by").asText() + ": " + answer.path("reason").asText() + ")"
                : "CLEARED  " + slo + ": the policy decides again");
        out.flush();
        return 0;
    }
}
