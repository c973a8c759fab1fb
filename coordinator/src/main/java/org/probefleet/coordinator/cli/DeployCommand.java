package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet deploy mark}: a CI step that records a release, so its burn is attributed to it and the next one estimated. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy markers.", subcommands = DeployCommand.Mark.class)
public final class DeployCommand {

    @Command(name = "mark", mixinStandardHelpOptions = true,
            description = {"Record that a version went out, for the SLOs (or journeys) it touches; none named means every SLO.",
                    "Exit status: 0 recorded, 1 refused, 2 coordinator unreachable."})
    static final class Mark implements Callable<Integer> {

        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "the release, e.g. 2026.11.3")
        String version;

        @Option(names = "--slo", paramLabel = "SLO", split = ",", description = "an SLO the release touches; repeat or separate with commas")
        List<String> slos = List.of();

        @Option(names = "--service", paramLabel = "JOURNEY", split = ",", description = "a journey (service) the release touches; repeatable")
        List<String> services = List.of();

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "${env:GITHUB_ACTOR:-${env:GITLAB_USER_LOGIN:-ci}}",
                description = "who deployed (default $GITHUB_ACTOR, $GITLAB_USER_LOGIN, else ci)")
        String by;

        @Option(names = "--link", paramLabel = "URL", description = "the pipeline run or change log")
        String link;

        @Option(names = "--at", paramLabel = "TIME", description = "when it went out, like 2026-11-28T14:02:00Z (default now)")
        String at;

        @Mixin
        CoordinatorUrl coordinator;

        @Option(names = "--token-file", paramLabel = "FILE", description = "the deploy or admin token (or env PROBEFLEET_DEPLOY_TOKEN)")
        Path tokenFile;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("version", version).put("by", by);
            slos.forEach(body.putArray("slos")::add);
            services.forEach(body.putArray("services")::add);
            if (link != null) {
                body.put("link", link);
            }
            if (at != null) {
                body.put("at", at);
            }
            CoordinatorClient client = CoordinatorClient.create(coordinator.url, CoordinatorClient.token(tokenFile, "PROBEFLEET_DEPLOY_TOKEN"));
            CoordinatorClient.Response response;
            try {
                response = CoordinatorCalls.call(client, remote -> remote.markDeploy(body.toString()));
            } catch (CoordinatorCalls.Unreachable e) {
                err.println("deploy mark: " + e.getMessage());
                err.flush();
                return 2;
            }
            JsonNode answer = Answers.read(response.body());
            if (response.status() != 201) {
                err.println("deploy mark: " + answer.path("error").asText("HTTP " + response.status()));
                answer.path("problems").forEach(problem -> err.println("  - " + problem.asText()));
                err.flush();
                return 1;
            }
            List<String> touched = new java.util.ArrayList<>();
            answer.path("slos").forEach(slo -> touched.add(slo.asText()));
            answer.path("services").forEach(journey -> touched.add("journey " + journey.asText()));
            out.println("MARKED  " + answer.path("version").asText() + " at " + answer.path("at").asText() + " by " + answer.path("by").asText()
                    + " for " + (touched.isEmpty() ? "every SLO" : String.join(", ", touched)));
            out.flush();
            return 0;
        }
    }
}
