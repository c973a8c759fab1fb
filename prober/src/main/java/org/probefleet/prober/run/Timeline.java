package org.probefleet.prober.run;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;

/** Prints a run as a step timeline: what an author reads while writing a journey. */
public final class Timeline {

    private final PrintWriter out;
    private final boolean colour;

    public Timeline(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    public void print(Journey journey, String target, List<RunResult> attempts) {
        out.printf("%s  (%s, %s)%n", bold(journey.id()), journey.kind().name().toLowerCase(Locale.ROOT), target);
        for (int i = 0; i < attempts.size(); i++) {
            RunResult attempt = attempts.get(i);
            if (attempts.size() > 1) {
                out.printf("  attempt %d of %d%n", i + 1, attempts.size());
            }
            int width = attempt.steps().stream().mapToInt(step -> step.name().length()).max().orElse(10);
            for (StepResult step : attempt.steps()) {
                boolean ok = step.status() == OutcomeStatus.SUCCESS;
                out.printf("  %s %-" + width + "s %7d ms%n", ok ? green("✓") : red("✗"), step.name(), step.durationMs());
            }
            if (!attempt.succeeded()) {
                attempt.failedStep().filter(name -> attempt.steps().stream().noneMatch(s -> s.name().equals(name)))
                        .ifPresent(name -> out.printf("  %s %s%n", red("✗"), name));
                attempt.expectation().ifPresent(expected -> out.printf("      expected: %s%n", expected));
                attempt.error().ifPresent(error -> out.printf("      error:    %s%n", error));
            }
            attempt.artifacts().forEach((kind, path) -> out.printf("  %-10s %s%s%n", kind + ":", path,
                    kind.startsWith("trace") ? "   (open with: npx playwright show-trace " + path.getFileName() + ")" : ""));
        }
        RunResult last = attempts.get(attempts.size() - 1);
        String verdict = switch (last.status()) {
            case SUCCESS -> green(attempts.size() > 1 ? "PASSED on attempt " + attempts.size() + " (flaky)" : "PASSED");
            case FAILURE -> red("FAILED") + last.failedStep().map(step -> " at step \"" + step + "\"").orElse("");
            case PROBER_ERROR -> yellow("PROBER ERROR") + " (the agent, not the target)";
        };
        out.printf("  %s in %.1f s%n", verdict, last.durationMs() / 1000.0);
        out.flush();
    }


    private String bold(String text) {
        return colour ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

    private String green(String text) {
        return colour ? "\u001b[32m" + text + "\u001b[0m" : text;
    }

    private String red(String text) {
        return colour ? "\u001b[31m" + text + "\u001b[0m" : text;
    }

    private String yellow(String text) {
        return colour ? "\u001b[33m" + text + "\u001b[0m" : text;
    }
}
