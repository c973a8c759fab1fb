package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.release.Percentages;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet estimate SLO}: what the next release will likely cost the SLO, from its past releases. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimate the budget the next release spends, from the deploys recorded in the SLO's window.",
                "Exit status: 0 answered, 2 coordinator unreachable or SLO unknown."})
public final class EstimateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SLO", description = "the SLO's name")
    String slo;

    @Mixin
    ReadAccess access;

    @Option(names = "--json", description = "print the coordinator's answer as JSON")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CoordinatorClient client = access.client();
        JsonNode estimate;
        try {
            estimate = fetch(client, slo);
        } catch (CoordinatorCalls.Unreachable e) {
            err.println("estimate: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (json) {
            out.println(estimate.toPrettyString());
        } else {
            print(estimate, out);
        }
        out.flush();
        return 0;
    }

    /** The coordinator's estimate for {@code slo}; any answer but 200 is unreachable with the coordinator's reason. */
    static JsonNode fetch(CoordinatorClient client, String slo) throws CoordinatorCalls.Unreachable {
        CoordinatorClient.Response response = CoordinatorCalls.call(client, remote -> remote.estimate(slo));
        JsonNode body;
        try {
            body = Answers.read(response.body());
        } catch (Exception e) {
            throw new CoordinatorCalls.Unreachable("the coordinator answered " + response.status() + " without JSON");
        }
        if (response.status() != 200) {
            throw new CoordinatorCalls.Unreachable(body.path("error").asText("HTTP " + response.status()));
        }
        return body;
    }

    static void print(JsonNode estimate, PrintWriter out) {
        out.println(estimate.path("sentence").asText());
        out.printf(Locale.ROOT, "%-28s %8s %8s%n", "", "median", "p90");
        if (!estimate.path("error_rate_multiple").isNull()) {
            out.printf(Locale.ROOT, "%-28s %7s× %7s×%n", "error rate, first hour", multiple(estimate, "error_rate_multiple", "median"),
                    multiple(estimate, "error_rate_multiple", "p90"));
        }
        for (String[] row : new String[][] {{"budget spent, first hour", "first_hour_budget"}, {"budget spent, first day", "first_day_budget"}}) {
            out.printf(Locale.ROOT, "%-28s %8s %8s%n", row[0], Percentages.of(estimate.path(row[1]).path("median").asDouble()),
                    Percentages.of(estimate.path(row[1]).path("p90").asDouble()));
        }
    }

    private static String multiple(JsonNode estimate, String field, String which) {
        return Percentages.multiple(estimate.path(field).path(which).asDouble());
    }
}
