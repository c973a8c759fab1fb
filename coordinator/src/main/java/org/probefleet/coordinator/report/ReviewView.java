package org.probefleet.coordinator.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Indicator;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.RumIndicator;

/** The quarterly review as it reads, every number already worded: what both the Markdown and {@code report/review.jte} write. */
record ReviewView(String quarter, String generated, List<Section> slos, List<String> journeysWithoutSlo) {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** Causes listed per SLO; the rest are summed into one line. */
    static final int TOP_CAUSES = 5;

    record Section(String name, String target, String sli, String consumed, Verdict verdict, String description, String recommendation,
                   List<MonthRow> months, List<BreachRow> breaches, List<CauseRow> causes, List<StateRow> states,
                   List<ReleaseRow> releases, List<OwnerRow> owners) {
    }

    /** An owner change: when, from whom, to whom ({@code none} for no owner). */
    record OwnerRow(String when, String from, String to) {
    }

    /** Days (one decimal) the budget spent in a policy state, and what that state says about releases. */
    record StateRow(String state, String releases, String days) {
    }

    record ReleaseRow(String version, String deployed, String by, long bad, String budgetSpent) {
    }

    /** {@code met} when the month had runs and its SLI reached the target. */
    record MonthRow(String month, long runs, String sli, String consumed, boolean hasData, boolean met) {
    }

    record BreachRow(String severity, String from, String to, String step, String region) {
    }

    record CauseRow(String step, String region, long bad, String budgetSpent) {
    }

    static ReviewView of(QuarterlyReview.Review review) {
        return new ReviewView(review.quarter().toString(), WHEN.format(review.generatedAt()),
                review.slos().stream().map(ReviewView::section).toList(), review.journeysWithoutSlo());
    }

    private static Section section(QuarterlyReview.SloReview slo) {
        List<MonthRow> months = slo.months().stream().map(month -> new MonthRow(month.month().toString(), month.good() + month.bad(),
                sli(month.sli()), month.hasData() ? QuarterlyReview.percent(month.consumed()) : "–", month.hasData(),
                month.hasData() && month.sli() >= slo.slo().target())).toList();
        List<BreachRow> breaches = slo.breaches().stream().map(breach -> new BreachRow(breach.severity(), WHEN.format(breach.start()),
                breach.end().map(WHEN::format).orElse("still firing"), breach.step(), breach.region())).toList();
        List<CauseRow> causes = top(slo.causes()).stream().map(cause -> new CauseRow(cause.step(), cause.region(), cause.bad(),
                QuarterlyReview.percent(cause.budgetSpent()))).toList();
        return new Section(slo.slo().name(), Ratios.percent(slo.slo().target()), sli(slo.sli()), QuarterlyReview.percent(slo.consumed()),
                slo.verdict(), description(slo), slo.recommendation(), months, breaches, causes,
                slo.states().stream().map(state -> new StateRow(state.state(), state.releases(),
                        String.format(Locale.ROOT, "%.1f", state.time().toMinutes() / 1440.0))).toList(),
                slo.releases().stream().map(release -> new ReleaseRow(release.version(), WHEN.format(release.at()), release.by(),
                        release.bad(), QuarterlyReview.percent(release.budgetSpent()))).toList(),
                slo.ownerChanges().stream().map(change -> new OwnerRow(WHEN.format(change.at()), owner(change.from()), owner(change.to())))
                        .toList());
    }

    private static List<QuarterlyReview.Cause> top(List<QuarterlyReview.Cause> causes) {
        if (causes.size() <= TOP_CAUSES) {
            return causes;
        }
        List<QuarterlyReview.Cause> rest = causes.subList(TOP_CAUSES, causes.size());
        List<QuarterlyReview.Cause> top = new ArrayList<>(causes.subList(0, TOP_CAUSES));
        top.add(new QuarterlyReview.Cause("(" + rest.size() + " more)", "", rest.stream().mapToLong(QuarterlyReview.Cause::bad).sum(),
                rest.stream().mapToDouble(QuarterlyReview.Cause::budgetSpent).sum()));
        return top;
    }

    private static String description(QuarterlyReview.SloReview slo) {
        Indicator indicator = slo.slo().indicator();
        String measured = indicator instanceof RatioIndicator ? "Prometheus ratio"
                : indicator instanceof RumIndicator rum ? "Real users of journey " + rum.journey() : "Journey " + indicator.subject();
        return measured + ", owner " + owner(slo.slo().owner()) + ", target " + Ratios.percent(slo.slo().target()) + " over "
                + Durations.format(slo.slo().window()) + "; " + (slo.good() + slo.bad()) + (indicator.measuredJourney().isPresent()
                ? " runs" : " events") + " this quarter, " + slo.bad() + " bad.";
    }

    private static String owner(String owner) {
        return owner.isEmpty() ? "none" : owner;
    }

    private static String sli(double sli) {
        return Double.isNaN(sli) ? "–" : String.format(Locale.ROOT, "%.3f%%", sli * 100);
    }
}
