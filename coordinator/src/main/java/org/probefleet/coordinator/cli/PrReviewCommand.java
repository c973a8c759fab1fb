package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.release.PullRequestReview;
import org.probefleet.coordinator.view.ReleaseJson;
import org.probefleet.journeys.model.PathGlob;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet pr-review}: the error budget comment for a pull request, from the files it changes. */
@Command(name = "pr-review", mixinStandardHelpOptions = true,
        description = {"Print the error budget review of a pull request as Markdown (or --json): the slo-impact labels,",
                "each touched SLO's state, budget left and release estimate, and the extended review checklist.",
                "An SLO is touched when a changed file matches one of its critical_paths.",
                "Exit status: 0, 3 when a touched SLO's policy forbids releases, 2 when it cannot tell."})
public final class PrReviewCommand implements Callable<Integer> {

    static final class Changes {
        @Option(names = "--changed-files", paramLabel = "FILE|-", description = "the changed paths, one a line; - reads them from standard input")
        String changedFiles;

        @Option(names = "--git", paramLabel = "BASE..HEAD", description = "the paths git diff --name-only lists for this range")
        String git;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Changes changes;

    @Mixin
    ReadAccess access;

    @Option(names = "--json", description = "print the review as JSON, for bots")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PullRequestReview review;
        try {
            List<String> files = changedFiles();
            review = PullRequestReview.of(files, standings(access.client(), files));
        } catch (CoordinatorCalls.Unreachable | IOException e) {
            err.println("pr-review: " + e.getMessage());
            err.flush();
            return 2;
        }
        out.print(json ? ReleaseJson.review(review).toPrettyString() + "\n" : review.markdown());
        out.flush();
        return review.exitCode();
    }

    private List<String> changedFiles() throws IOException, InterruptedException {
        if (changes.git != null) {
            Process git = new ProcessBuilder("git", "diff", "--name-only", changes.git).redirectErrorStream(true).start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0) {
                throw new IOException("git diff --name-only " + changes.git + " failed: " + output.strip());
            }
            return lines(output);
        }
        if (changes.changedFiles.equals("-")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
        return lines(Files.readString(Path.of(changes.changedFiles), StandardCharsets.UTF_8));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The SLOs some changed file is on the critical path of, with their gate and release estimate. */
    private static List<PullRequestReview.Standing> standings(CoordinatorClient client, List<String> files) throws CoordinatorCalls.Unreachable {
        List<PullRequestReview.Standing> standings = new ArrayList<>();
        for (JsonNode slo : answer(CoordinatorCalls.call(client, CoordinatorClient::slos)).path("slos")) {
            List<PathGlob> paths = new ArrayList<>();
            slo.path("critical_paths").forEach(glob -> paths.add(new PathGlob(glob.asText())));
            if (files.stream().noneMatch(file -> paths.stream().anyMatch(glob -> glob.matches(file)))) {
                continue;
            }
            String name = slo.path("slo").asText();
            JsonNode gate = answer(CoordinatorCalls.call(client, remote -> remote.gate(name)));
            JsonNode estimate = EstimateCommand.fetch(client, name);
            standings.add(new PullRequestReview.Standing(name, paths, gate.path("state").asText(),
                    gate.path("releases").asText().toLowerCase(Locale.ROOT), gate.path("allowed").asBoolean(false),
                    slo.path("remaining").asDouble(), estimate.path("sentence").asText()));
        }
        return standings;
    }

    private static JsonNode answer(CoordinatorClient.Response response) throws CoordinatorCalls.Unreachable {
        try {
            JsonNode body = Answers.read(response.body());
            if (response.status() != 200) {
                throw new CoordinatorCalls.Unreachable(body.path("error").asText("HTTP " + response.status()));
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CoordinatorCalls.Unreachable("the coordinator answered " + response.status() + " without JSON");
        }
    }
}
