package org.probefleet.coordinator.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.PolicyState;

/**
 * What the next release will likely cost an SLO, from what past releases cost it: the error-rate
 * multiple of their first hour and the budget they spent in their first hour and first day,
 * median and p90 (nearest rank), and the state the SLO would be in after a p90 release. Past
 * releases are deploys whose first day is over. With fewer than {@link #MIN_RELEASES} of them the
 * estimate says so and uses {@link #DEFAULT}. {@code multiple} is empty when every past release
 * followed an error-free hour: there is nothing to multiply.
 */
public record ReleaseEstimate(String slo, int releases, boolean fromHistory, Optional<Spread> multiple, Spread firstHour, Spread firstDay,
                              double consumed, double afterP90, PolicyState stateAfterP90, boolean p90Blocks, String sentence) {

    /** Fewer past releases than this say too little about the next one. */
    public static final int MIN_RELEASES = 3;
    /**
     * Assumed without history: 2× (median) to 3× (p90) the error rate in the first hour, 5% to 10%
     * of the budget spent by a release, all of it in its first hour (the cautious reading).
     */
    public static final Defaults DEFAULT = new Defaults(new Spread(2, 3), new Spread(0.05, 0.10), new Spread(0.05, 0.10));

    /** A median and a p90. */
    public record Spread(double median, double p90) {
    }

    public record Defaults(Spread multiple, Spread firstHour, Spread firstDay) {
    }

    /**
     * @param consumed     the share of the budget the SLO has consumed now
     * @param budgetEvents the events its budget is a share of now
     * @param impacts      the SLO's deploys, of any age: only those whose first day is over count
     */
    public static ReleaseEstimate of(String slo, Policy policy, double errorBudget, double consumed, long budgetEvents,
                                     List<DeployImpact> impacts) {
        List<DeployImpact> past = impacts.stream().filter(DeployImpact::dayComplete).toList();
        boolean fromHistory = past.size() >= MIN_RELEASES;
        Optional<Spread> multiple = Optional.of(DEFAULT.multiple());
        Spread firstHour = DEFAULT.firstHour();
        Spread firstDay = DEFAULT.firstDay();
        if (fromHistory) {
            List<Double> multiples = past.stream().map(DeployImpact::multiple).filter(OptionalDouble::isPresent)
                    .map(OptionalDouble::getAsDouble).toList();
            multiple = multiples.isEmpty() ? Optional.empty() : Optional.of(spread(multiples));
            firstHour = spread(past.stream().map(one -> DeployImpact.share(one.firstHour(), budgetEvents, errorBudget)).toList());
            firstDay = spread(past.stream().map(one -> DeployImpact.share(one.firstDay(), budgetEvents, errorBudget)).toList());
        }
        double after = Math.max(0, consumed) + firstDay.p90();
        PolicyState state = policy.stateFor(after);
        boolean blocks = state.releases().blocksByDefault();
        return new ReleaseEstimate(slo, past.size(), fromHistory, multiple, firstHour, firstDay, consumed, after, state, blocks,
                sentence(slo, past.size(), fromHistory, multiple, firstHour, firstDay, after, state));
    }

    /** Median and p90 by nearest rank: values that occurred, never interpolated between releases. */
    static Spread spread(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return new Spread(rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static double rank(List<Double> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static String sentence(String slo, int releases, boolean fromHistory, Optional<Spread> multiple, Spread firstHour, Spread firstDay,
                                   double after, PolicyState state) {
        String basis = fromHistory
                ? "The last " + releases + " releases of " + slo + " showed "
                : "Only " + releases + " past release" + (releases == 1 ? "" : "s") + " of " + slo + " on record (" + MIN_RELEASES
                        + " needed), so this assumes the default: ";
        String rate = multiple.map(spread -> Percentages.multiple(spread.median()) + "× (p90 " + Percentages.multiple(spread.p90())
                + "×) the error rate in the first hour").orElse("errors in the first hour after error-free hours");
        return basis + String.format(Locale.ROOT, "%s and spent %s (p90 %s) of the budget "
                        + "in the first hour, %s (p90 %s) in the first day. After a p90 release %s would be %s (%s consumed): releases %s.",
                rate, Percentages.of(firstHour.median()),
                Percentages.of(firstHour.p90()), Percentages.of(firstDay.median()), Percentages.of(firstDay.p90()), slo, state.name(),
                Percentages.of(after), state.releases().name().toLowerCase(Locale.ROOT));
    }
}
