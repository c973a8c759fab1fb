package org.probefleet.coordinator.release;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;
import org.probefleet.coordinator.slo.Counts;

/**
 * What one deploy did to one SLO: its events in the hour before, in its first hour and in its
 * first day (each cut at {@code now} while it lasts). The deploy's minute counts as after it:
 * minutes are the finest counts kept.
 */
public record DeployImpact(Deploy deploy, Counts hourBefore, Counts firstHour, Counts firstDay, boolean hourComplete, boolean dayComplete) {

    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration DAY = Duration.ofDays(1);

    public static DeployImpact of(Deploy deploy, CountsBetween counts, Instant now) {
        Instant start = Instant.ofEpochMilli(Math.floorDiv(deploy.at().toEpochMilli(), 60_000L) * 60_000L);
        Instant hourEnd = start.plus(HOUR);
        Instant dayEnd = start.plus(DAY);
        return new DeployImpact(deploy, counts.between(start.minus(HOUR), start), counts.between(start, earlier(hourEnd, now)),
                counts.between(start, earlier(dayEnd, now)), !now.isBefore(hourEnd), !now.isBefore(dayEnd));
    }

    /** The share of the budget {@code counts}' bad events spent: the budget is {@code errorBudget} of {@code budgetEvents}. */
    public static double share(Counts counts, long budgetEvents, double errorBudget) {
        return budgetEvents == 0 ? 0 : counts.bad() / (budgetEvents * errorBudget);
    }

    /** The first hour's error rate over the hour before's; empty when the hour before had none and the first hour some. */
    public OptionalDouble multiple() {
        double before = hourBefore.errorRatio();
        double after = firstHour.errorRatio();
        if (before == 0) {
            return after == 0 ? OptionalDouble.of(1) : OptionalDouble.empty();
        }
        return OptionalDouble.of(after / before);
    }

    /** "2026.11.3 burned 6.2% of checkout-completion-rate's budget in its first hour, 3.1× the error rate of the hour before". */
    public String sentence(String slo, long budgetEvents, double errorBudget) {
        String when = hourComplete ? "in its first hour" : "so far in its first hour";
        String rate = multiple().isPresent()
                ? String.format(Locale.ROOT, "%s× the error rate of the hour before", Percentages.multiple(multiple().getAsDouble()))
                : "with errors where the hour before had none";
        return deploy.version() + " burned " + Percentages.of(share(firstHour, budgetEvents, errorBudget)) + " of " + slo + "'s budget "
                + when + ", " + rate;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
