package org.probefleet.coordinator.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.probefleet.coordinator.web.OverviewPage;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;

/** The quarterly review as Markdown (for a wiki or a pull request) and as a self-contained HTML page. */
public final class ReviewWriter {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** Causes listed per SLO; the rest are summed into one line. */
    static final int TOP_CAUSES = 5;

    private ReviewWriter() {
    }

    public static String markdown(QuarterlyReview.Review review) {
        StringBuilder md = new StringBuilder("# SLO review " + review.quarter() + "\n\n");
        md.append("Generated ").append(WHEN.format(review.generatedAt())).append(" UTC by `./fleet report`. ")
                .append("Compliance is each month's SLI against the target; consumed is the month's error ratio over the error budget.\n\n");
        md.append("| SLO | target | quarter SLI | consumed | breaches | verdict |\n|---|---:|---:|---:|---:|---|\n");
        for (QuarterlyReview.SloReview slo : review.slos()) {
            md.append("| ").append(slo.slo().name()).append(" | ").append(Ratios.percent(slo.slo().target())).append(" | ")
                    .append(sli(slo.sli())).append(" | ").append(QuarterlyReview.percent(slo.consumed())).append(" | ")
                    .append(slo.breaches().size()).append(" | ").append(slo.verdict()).append(" |\n");
        }
        for (QuarterlyReview.SloReview slo : review.slos()) {
            md.append("\n## ").append(slo.slo().name()).append("\n\n").append(description(slo)).append("\n\n");
            md.append("**").append(capitalised(slo.verdict())).append(".** ").append(slo.recommendation()).append("\n\n");
            md.append("| month | runs | SLI | budget consumed | met |\n|---|---:|---:|---:|:---:|\n");
            for (QuarterlyReview.Month month : slo.months()) {
                md.append("| ").append(month.month()).append(" | ").append(month.good() + month.bad()).append(" | ").append(sli(month.sli()))
                        .append(" | ").append(month.hasData() ? QuarterlyReview.percent(month.consumed()) : "–").append(" | ")
                        .append(!month.hasData() ? "no data" : month.sli() >= slo.slo().target() ? "yes" : "**no**").append(" |\n");
            }
            md.append("\n### Breaches\n\n");
            if (slo.breaches().isEmpty()) {
                md.append("None: no global page or ticket this quarter.\n");
            } else {
                md.append("| severity | from | to | most failing step | region |\n|---|---|---|---|---|\n");
                for (QuarterlyReview.Breach breach : slo.breaches()) {
                    md.append("| ").append(breach.severity()).append(" | ").append(WHEN.format(breach.start())).append(" | ")
                            .append(breach.end().map(WHEN::format).orElse("still firing")).append(" | ").append(breach.step())
                            .append(" | ").append(breach.region()).append(" |\n");
                }
            }
            md.append("\n### Budget spent per cause\n\n");
            if (slo.causes().isEmpty()) {
                md.append("No bad runs.\n");
            } else {
                md.append("| failed step | region | bad runs | budget spent |\n|---|---|---:|---:|\n");
                for (QuarterlyReview.Cause cause : top(slo.causes())) {
                    md.append("| ").append(cause.step()).append(" | ").append(cause.region()).append(" | ").append(cause.bad()).append(" | ")
                            .append(QuarterlyReview.percent(cause.budgetSpent())).append(" |\n");
                }
            }
        }
        md.append("\n## Journeys without an SLO\n\n");
        md.append(review.journeysWithoutSlo().isEmpty() ? "None: every journey has an SLO.\n"
                : String.join(", ", review.journeysWithoutSlo()) + ": probed, but no error budget says how good is good enough.\n");
        return md.toString();
    }

    public static String html(QuarterlyReview.Review review) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>SLO review ").append(review.quarter()).append("</h1>\n<p class=\"muted\">Generated ")
                .append(WHEN.format(review.generatedAt())).append(" UTC by <code>./fleet report</code>.</p>\n");
        body.append("<table><thead><tr><th>SLO</th><th>Target</th><th>Quarter SLI</th><th>Consumed</th><th>Breaches</th><th>Verdict</th></tr></thead><tbody>\n");
        for (QuarterlyReview.SloReview slo : review.slos()) {
            body.append("<tr><td><a href=\"#").append(OverviewPage.escape(slo.slo().name())).append("\">").append(OverviewPage.escape(slo.slo().name())).append("</a></td><td>")
                    .append(Ratios.percent(slo.slo().target())).append("</td><td>").append(sli(slo.sli())).append("</td><td>")
                    .append(QuarterlyReview.percent(slo.consumed())).append("</td><td>").append(slo.breaches().size()).append("</td><td class=\"")
                    .append(slo.verdict().equals("about right") ? "ok" : "bad").append("\">").append(OverviewPage.escape(slo.verdict())).append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
        for (QuarterlyReview.SloReview slo : review.slos()) {
            body.append("<h2 id=\"").append(OverviewPage.escape(slo.slo().name())).append("\">").append(OverviewPage.escape(slo.slo().name())).append("</h2>\n<p>")
                    .append(OverviewPage.escape(description(slo))).append("</p>\n<p><strong>").append(OverviewPage.escape(capitalised(slo.verdict()))).append(".</strong> ")
                    .append(OverviewPage.escape(slo.recommendation())).append("</p>\n");
            body.append("<table><thead><tr><th>Month</th><th>Runs</th><th>SLI</th><th>Budget consumed</th></tr></thead><tbody>\n");
            for (QuarterlyReview.Month month : slo.months()) {
                boolean met = month.hasData() && month.sli() >= slo.slo().target();
                body.append("<tr><td>").append(month.month()).append("</td><td>").append(month.good() + month.bad()).append("</td><td class=\"")
                        .append(!month.hasData() ? "muted" : met ? "ok" : "bad").append("\">").append(sli(month.sli())).append("</td><td>")
                        .append(month.hasData() ? QuarterlyReview.percent(month.consumed()) : "–").append("</td></tr>\n");
            }
            body.append("</tbody></table>\n<h3>Breaches</h3>\n");
            if (slo.breaches().isEmpty()) {
                body.append("<p class=\"ok\">None: no global page or ticket this quarter.</p>\n");
            } else {
                body.append("<table><thead><tr><th>Severity</th><th>From</th><th>To</th><th>Most failing step</th><th>Region</th></tr></thead><tbody>\n");
                for (QuarterlyReview.Breach breach : slo.breaches()) {
                    body.append("<tr><td>").append(breach.severity()).append("</td><td>").append(WHEN.format(breach.start())).append("</td><td>")
                            .append(breach.end().map(WHEN::format).orElse("still firing")).append("</td><td>").append(OverviewPage.escape(breach.step()))
                            .append("</td><td>").append(OverviewPage.escape(breach.region())).append("</td></tr>\n");
                }
                body.append("</tbody></table>\n");
            }
            body.append("<h3>Budget spent per cause</h3>\n");
            if (slo.causes().isEmpty()) {
                body.append("<p class=\"ok\">No bad runs.</p>\n");
            } else {
                body.append("<table><thead><tr><th>Failed step</th><th>Region</th><th>Bad runs</th><th>Budget spent</th></tr></thead><tbody>\n");
                for (QuarterlyReview.Cause cause : top(slo.causes())) {
                    body.append("<tr><td>").append(OverviewPage.escape(cause.step())).append("</td><td>").append(OverviewPage.escape(cause.region())).append("</td><td>")
                            .append(cause.bad()).append("</td><td>").append(QuarterlyReview.percent(cause.budgetSpent())).append("</td></tr>\n");
                }
                body.append("</tbody></table>\n");
            }
        }
        body.append("<h2>Journeys without an SLO</h2>\n<p>").append(review.journeysWithoutSlo().isEmpty() ? "None: every journey has an SLO."
                : OverviewPage.escape(String.join(", ", review.journeysWithoutSlo()))).append("</p>\n");
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>SLO review %s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#1f2328;padding:0 1rem}
                table{border-collapse:collapse;width:100%%;margin:.5rem 0 1.5rem}
                th,td{padding:.35rem .6rem;border-bottom:1px solid #d0d7de;text-align:left}
                th{font-size:.8rem;text-transform:uppercase;color:#57606a}
                .ok{color:#1a7f37}.bad{color:#cf222e}.muted{color:#57606a}
                </style></head><body>
                %s</body></html>
                """.formatted(review.quarter(), body);
    }

    private static List<QuarterlyReview.Cause> top(List<QuarterlyReview.Cause> causes) {
        if (causes.size() <= TOP_CAUSES) {
            return causes;
        }
        List<QuarterlyReview.Cause> rest = causes.subList(TOP_CAUSES, causes.size());
        List<QuarterlyReview.Cause> top = new java.util.ArrayList<>(causes.subList(0, TOP_CAUSES));
        top.add(new QuarterlyReview.Cause("(" + rest.size() + " more)", "", rest.stream().mapToLong(QuarterlyReview.Cause::bad).sum(),
                rest.stream().mapToDouble(QuarterlyReview.Cause::budgetSpent).sum()));
        return top;
    }

    private static String description(QuarterlyReview.SloReview slo) {
        return "Journey " + slo.slo().indicator().journey() + ", owner " + (slo.slo().owner().isEmpty() ? "none" : slo.slo().owner())
                + ", target " + Ratios.percent(slo.slo().target()) + " over " + Durations.format(slo.slo().window()) + "; "
                + (slo.good() + slo.bad()) + " runs this quarter, " + slo.bad() + " bad.";
    }

    private static String sli(double sli) {
        return Double.isNaN(sli) ? "–" : String.format(Locale.ROOT, "%.3f%%", sli * 100);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }


    /** The file names a review is written to: {@code slo-review-2026Q4.md} and {@code .html}. */
    public static String fileName(Quarter quarter, String extension) {
        return "slo-review-" + quarter + "." + extension;
    }
}
