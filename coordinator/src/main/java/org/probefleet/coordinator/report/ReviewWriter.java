package org.probefleet.coordinator.report;

import org.probefleet.coordinator.view.Html;

/** The quarterly review as Markdown (for a wiki or a pull request) and as a self-contained HTML page ({@code report/review.jte}). */
public final class ReviewWriter {

    private ReviewWriter() {
    }

    public static String markdown(QuarterlyReview.Review review) {
        ReviewView view = ReviewView.of(review);
        StringBuilder md = new StringBuilder("# SLO review " + view.quarter() + "\n\n");
        md.append("Generated ").append(view.generated()).append(" UTC by `./fleet report`. ")
                .append("Compliance is each month's SLI against the target; consumed is the month's error ratio over the error budget.\n\n");
        md.append("| SLO | target | quarter SLI | consumed | breaches | verdict |\n|---|---:|---:|---:|---:|---|\n");
        for (ReviewView.Section slo : view.slos()) {
            md.append("| ").append(slo.name()).append(" | ").append(slo.target()).append(" | ").append(slo.sli()).append(" | ")
                    .append(slo.consumed()).append(" | ").append(slo.breaches().size()).append(" | ").append(slo.verdict().text()).append(" |\n");
        }
        for (ReviewView.Section slo : view.slos()) {
            md.append("\n## ").append(slo.name()).append("\n\n").append(slo.description()).append("\n\n");
            md.append("**").append(slo.verdict().heading()).append(".** ").append(slo.recommendation()).append("\n\n");
            md.append("| month | runs | SLI | budget consumed | met |\n|---|---:|---:|---:|:---:|\n");
            for (ReviewView.MonthRow month : slo.months()) {
                md.append("| ").append(month.month()).append(" | ").append(month.runs()).append(" | ").append(month.sli()).append(" | ")
                        .append(month.consumed()).append(" | ").append(!month.hasData() ? "no data" : month.met() ? "yes" : "**no**").append(" |\n");
            }
            md.append("\n### Breaches\n\n");
            if (slo.breaches().isEmpty()) {
                md.append("None: no global page or ticket this quarter.\n");
            } else {
                md.append("| severity | from | to | most failing step | region |\n|---|---|---|---|---|\n");
                for (ReviewView.BreachRow breach : slo.breaches()) {
                    md.append("| ").append(breach.severity()).append(" | ").append(breach.from()).append(" | ").append(breach.to())
                            .append(" | ").append(breach.step()).append(" | ").append(breach.region()).append(" |\n");
                }
            }
            md.append("\n### Budget spent per cause\n\n");
            if (slo.causes().isEmpty()) {
                md.append("No bad runs.\n");
            } else {
                md.append("| failed step | region | bad runs | budget spent |\n|---|---|---:|---:|\n");
                for (ReviewView.CauseRow cause : slo.causes()) {
                    md.append("| ").append(cause.step()).append(" | ").append(cause.region()).append(" | ").append(cause.bad()).append(" | ")
                            .append(cause.budgetSpent()).append(" |\n");
                }
            }
            states(md, slo);
            releases(md, slo);
            owners(md, slo);
        }
        md.append("\n## Journeys without an SLO\n\n");
        md.append(view.journeysWithoutSlo().isEmpty() ? "None: every journey has an SLO.\n"
                : String.join(", ", view.journeysWithoutSlo()) + ": probed, but no error budget says how good is good enough.\n");
        return md.toString();
    }

    /** Is the policy still right? The days the budget spent in each of its states. */
    private static void states(StringBuilder md, ReviewView.Section slo) {
        md.append("\n### Days in each policy state\n\n| state | releases | days |\n|---|---|---:|\n");
        for (ReviewView.StateRow state : slo.states()) {
            md.append("| ").append(state.state()).append(" | ").append(state.releases()).append(" | ").append(state.days()).append(" |\n");
        }
    }

    private static void releases(StringBuilder md, ReviewView.Section slo) {
        md.append("\n### Releases that spent the most\n\n");
        if (slo.releases().isEmpty()) {
            md.append("No deploy recorded this quarter (`./fleet deploy mark` records them).\n");
            return;
        }
        md.append("| release | deployed | by | bad runs in its first hour | budget spent |\n|---|---|---|---:|---:|\n");
        for (ReviewView.ReleaseRow release : slo.releases()) {
            md.append("| ").append(release.version()).append(" | ").append(release.deployed()).append(" | ").append(release.by()).append(" | ")
                    .append(release.bad()).append(" | ").append(release.budgetSpent()).append(" |\n");
        }
    }

    private static void owners(StringBuilder md, ReviewView.Section slo) {
        md.append("\n### Owner changes\n\n");
        if (slo.owners().isEmpty()) {
            md.append("None this quarter.\n");
            return;
        }
        md.append("| when | from | to |\n|---|---|---|\n");
        for (ReviewView.OwnerRow change : slo.owners()) {
            md.append("| ").append(change.when()).append(" | ").append(change.from()).append(" | ").append(change.to()).append(" |\n");
        }
    }

    public static String html(QuarterlyReview.Review review) {
        return Html.render("report/review.jte", ReviewView.of(review));
    }

    /** The file names a review is written to: {@code slo-review-2026Q4.md} and {@code .html}. */
    public static String fileName(Quarter quarter, String extension) {
        return "slo-review-" + quarter + "." + extension;
    }
}
