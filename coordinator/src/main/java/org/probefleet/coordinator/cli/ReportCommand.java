package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.probefleet.coordinator.replay.OutcomeFile;
import org.probefleet.coordinator.report.Quarter;
import org.probefleet.coordinator.report.QuarterlyReview;
import org.probefleet.coordinator.report.ReviewWriter;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.wire.client.CoordinatorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fleet report}: the quarterly SLO review, from a coordinator or from recorded outcomes, as Markdown and HTML. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the quarterly SLO review: compliance per month, breaches with their causes, budget spent per",
                "cause (step, region), whether each target is too tight or too loose, and journeys without an SLO.",
                "From a running coordinator (its stored outcomes), or offline with --outcomes and --definitions."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--quarter", paramLabel = "YYYYQn", description = "the quarter, e.g. 2026Q4 (default: the current one)")
    String quarter;

    @Mixin
    ReadAccess access;

    @Option(names = "--outcomes", paramLabel = "FILE", description = "offline: outcomes as JSON lines (the ingest format; recorded minutes for ratio and rum SLOs, as replay reads them) instead of a coordinator")
    Path outcomes;

    @Option(names = "--definitions", paramLabel = "DIR", description = "offline: the definitions the outcomes belong to")
    Path definitions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports", description = "where to write slo-review-QUARTER.md and .html (default: ${DEFAULT-VALUE})")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<Quarter> chosen = quarter == null ? Optional.of(Quarter.of(Instant.now())) : Quarter.parse(quarter);
        if (chosen.isEmpty()) {
            err.println("report: --quarter '" + quarter + "' must look like 2026Q4");
            err.flush();
            return 2;
        }
        if ((outcomes == null) != (definitions == null)) {
            err.println("report: offline needs both --outcomes FILE and --definitions DIR");
            err.flush();
            return 2;
        }
        String markdown;
        String html;
        if (outcomes != null) {
            LoadResult loaded = DefinitionLoader.loadFolder(definitions);
            if (!loaded.ok()) {
                loaded.problems().forEach(problem -> err.println(problem.under(definitions)));
                err.println("report: fix the definitions above first (./fleet check " + definitions + ")");
                err.flush();
                return 1;
            }
            OutcomeFile file = OutcomeFile.read(outcomes);
            if (!file.problems().isEmpty()) {
                file.problems().forEach(err::println);
                err.println("report: fix the outcomes above first");
                err.flush();
                return 1;
            }
            QuarterlyReview review = new QuarterlyReview(loaded.definitions(), chosen.get());
            file.outcomes().forEach(review::add);
            file.minutes().forEach(review::add);
            QuarterlyReview.Review result = review.finish(Instant.now());
            markdown = ReviewWriter.markdown(result);
            html = ReviewWriter.html(result);
        } else {
            CoordinatorClient client = access.client();
            CoordinatorClient.Response response;
            try {
                response = CoordinatorCalls.call(client, remote -> remote.report(chosen.get().toString()));
            } catch (CoordinatorCalls.Unreachable e) {
                err.println("report: " + e.getMessage());
                err.flush();
                return 1;
            }
            if (response.status() != 200) {
                err.println("report: the coordinator answered " + response.status() + ": " + response.body());
                err.flush();
                return 1;
            }
            JsonNode body = Answers.read(response.body());
            markdown = body.path("markdown").asText();
            html = body.path("html").asText();
        }
        Files.createDirectories(out);
        Path markdownFile = out.resolve(ReviewWriter.fileName(chosen.get(), "md"));
        Path htmlFile = out.resolve(ReviewWriter.fileName(chosen.get(), "html"));
        Files.writeString(markdownFile, markdown, StandardCharsets.UTF_8);
        Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("report: wrote " + markdownFile + " and " + htmlFile);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
