package org.probefleet.coordinator.report;

import java.util.List;
import org.probefleet.coordinator.release.Percentages;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;

/** The verdict on a target and why, with what to do about it. */
record Judgement(Verdict verdict, String recommendation) {

    /** A month that consumed at least this much of its budget ran out. */
    static final double EXHAUSTED = 1.0;
    /** Never above this much consumed in any month: the target asks too little. */
    static final double LOOSE = 0.10;
    /** The tightest target a review suggests: past four nines, probes once a minute cannot tell. */
    static final double TIGHTEST_SUGGESTION = 0.9999;

    /**
     * Too tight: the quarter overspent its budget, or it ran out in at least half the months with
     * data (two of three; the one month of a short quarter). Too loose: never above 10% consumed;
     * suggest the target that would have spent about half. Otherwise about right.
     */
    static Judgement of(Slo slo, List<QuarterlyReview.Month> months, Counts quarter) {
        List<QuarterlyReview.Month> withData = months.stream().filter(QuarterlyReview.Month::hasData).toList();
        if (withData.isEmpty()) {
            String source = slo.indicator().measuredJourney().isPresent() ? "No outcomes in this quarter: check that agents report"
                    : "No events recorded in this quarter: check that the coordinator reads them (Prometheus, or the beacons)";
            return new Judgement(Verdict.NO_DATA, source + ", and that the store keeps a quarter (retention: 100d).");
        }
        long exhausted = withData.stream().filter(month -> month.consumed() >= EXHAUSTED).count();
        double consumed = quarter.errorRatio() / slo.errorBudget();
        if (consumed >= EXHAUSTED || 2 * exhausted >= withData.size()) {
            double worst = withData.stream().mapToDouble(QuarterlyReview.Month::sli).min().orElse(slo.target());
            return new Judgement(Verdict.TOO_TIGHT, "The budget ran out in " + exhausted + " of " + withData.size() + " month"
                    + (withData.size() == 1 ? "" : "s") + ". The quarter consumed " + Percentages.of(consumed) + " of its budget. Fix the top"
                    + " cause below, or loosen the target towards what the journey achieved (" + Ratios.percent(floor(worst, 4)) + ").");
        }
        double most = withData.stream().mapToDouble(QuarterlyReview.Month::consumed).max().orElse(0);
        if (most < LOOSE) {
            double suggested = Math.min(TIGHTEST_SUGGESTION, floor(1 - 2 * quarter.errorRatio(), 4));
            return new Judgement(Verdict.TOO_LOOSE, "Never above " + Percentages.of(LOOSE) + " of the budget consumed (at most "
                    + Percentages.of(most) + "). A target of " + Ratios.percent(Math.max(suggested, slo.target()))
                    + " would have spent about half of it.");
        }
        return new Judgement(Verdict.ABOUT_RIGHT, "The budget was used (at most " + Percentages.of(most) + " in a month, "
                + Percentages.of(consumed) + " over the quarter) without running out.");
    }

    private static double floor(double ratio, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.floor(ratio * scale) / scale;
    }
}
