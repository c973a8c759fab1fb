package org.probefleet.coordinator.release;

import java.util.ArrayList;
import java.util.List;
import org.probefleet.journeys.model.PathGlob;

/**
 * What a pull request means for the error budgets: the SLOs whose critical paths it touches, with
 * their labels, state, budget left and release estimate, the extended review checklist, and
 * whether a touched SLO's policy forbids releases now (exit 3 for CI).
 */
public record PullRequestReview(List<Touched> touched) {

    public static final int ALLOWED = 0;
    public static final int BLOCKED = 3;
    public static final String LABEL_PREFIX = "slo-impact:";

    /** An SLO as the review needs it: its critical paths and where its budget stands. */
    public record Standing(String slo, List<PathGlob> criticalPaths, String state, String releases, boolean releasesAllowed,
                           double remaining, String estimate) {
        public Standing {
            criticalPaths = List.copyOf(criticalPaths);
        }
    }

    /** One touched SLO and the changed files on its critical paths. */
    public record Touched(Standing standing, List<String> files) {
        public Touched {
            files = List.copyOf(files);
        }
    }

    /** A checklist section: when it applies and what the author answers. */
    public record Check(String title, String when, List<String> questions) {
    }

    /** The extended review checklist a touched SLO triggers. */
    public static final List<Check> CHECKLIST = List.of(
            new Check("Latency budget awareness", "a new synchronous call on the critical path", List.of(
                    "What is the p99 latency of each new synchronous call?",
                    "What happens when it times out, and is the timeout set (well inside the journey's own)?",
                    "Is there a fallback?")),
            new Check("Failure-mode documentation", "changes to stateful systems: schema changes, queue consumers, caches", List.of(
                    "What does this look like when it fails?",
                    "Can it fail partially?",
                    "Is the failure loud or silent?")),
            new Check("Error budget estimation", "high-risk releases", List.of(
                    "Does the release estimate below fit in the budget left? If not, plan the release with the SLO's owner.")));

    public PullRequestReview {
        touched = List.copyOf(touched);
    }

    /** The SLOs {@code changedFiles} touch, in the order given, each with its files on its critical paths. */
    public static PullRequestReview of(List<String> changedFiles, List<Standing> slos) {
        List<Touched> touched = new ArrayList<>();
        for (Standing slo : slos) {
            List<String> files = changedFiles.stream()
                    .filter(file -> slo.criticalPaths().stream().anyMatch(glob -> glob.matches(file))).toList();
            if (!files.isEmpty()) {
                touched.add(new Touched(slo, files));
            }
        }
        return new PullRequestReview(touched);
    }

    public List<String> labels() {
        return touched.stream().map(one -> LABEL_PREFIX + one.standing().slo()).toList();
    }

    public int exitCode() {
        return touched.stream().allMatch(one -> one.standing().releasesAllowed()) ? ALLOWED : BLOCKED;
    }

    /** The comment to post on the pull request. */
    public String markdown() {
        StringBuilder md = new StringBuilder("## Error budget review\n\n");
        if (touched.isEmpty()) {
            return md.append("No changed file is on an SLO's critical path.\n").toString();
        }
        md.append("Labels: ").append(String.join(" ", labels().stream().map(label -> "`" + label + "`").toList())).append("\n\n");
        for (Touched one : touched) {
            Standing slo = one.standing();
            md.append("### ").append(slo.slo()).append(": ").append(slo.state()).append(", releases ").append(slo.releases()).append("\n\n");
            md.append("Budget left: ").append(Percentages.of(slo.remaining())).append(". On its critical path: ")
                    .append(String.join(", ", one.files().stream().map(file -> "`" + file + "`").toList())).append(".\n\n");
            md.append("Release estimate: ").append(slo.estimate()).append("\n\n");
            if (!slo.releasesAllowed()) {
                md.append("**The policy of ").append(slo.slo()).append(" forbids releases now (").append(slo.state()).append(").**\n\n");
            }
        }
        md.append("### Reliability checklist\n");
        for (Check check : CHECKLIST) {
            md.append("\n**").append(check.title()).append("** (").append(check.when()).append(")\n");
            check.questions().forEach(question -> md.append("- [ ] ").append(question).append('\n'));
        }
        return md.toString();
    }
}
