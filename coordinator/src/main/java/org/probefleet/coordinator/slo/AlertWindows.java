package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.List;

/**
 * The burn-rate alert rules for each SLO period, as data: the engine and the generated
 * Prometheus rules both read them here. A period uses the row of the longest tabled period at
 * or below it, so every period from 1d to 90d alerts only above 1× burn (a rule's threshold is
 * at least 1 and its long window no longer than the period).
 *
 * <p>30d is the SRE workbook's table (as Sloth's {@code google-30d}); 28d is Sloth's
 * {@code google-28d}, and 7d Sloth's 7-day example, each with the 3d/6h ticket raised from
 * below 1× (0.933 and 0.98) to 1×. 1d has no 3d rule and slower pages, since one hour at
 * 14.4× would spend 60% of a day's budget before paging.
 */
public record AlertWindows(Duration period, List<AlertRule> rules) {

    /** Once firing, a burn-rate alert keeps firing until its condition has been false this long: one incident, one page. */
    public static final Duration KEEP_FIRING_FOR = Duration.ofMinutes(30);

    /** An alert condition needs at least this many bad events in the short window of a rule that holds: one failed run is no outage. */
    public static final int MIN_BAD_EVENTS = 2;

    /** Shortest period first. */
    public static final List<AlertWindows> TABLE = List.of(
            new AlertWindows(Duration.ofDays(1), List.of(
                    new AlertRule(Severity.PAGE, Window.H1, Window.M5, 6),
                    new AlertRule(Severity.PAGE, Window.H6, Window.M30, 2),
                    new AlertRule(Severity.TICKET, Window.D1, Window.H2, 1))),
            new AlertWindows(Duration.ofDays(7), List.of(
                    new AlertRule(Severity.PAGE, Window.H1, Window.M5, 13.44),
                    new AlertRule(Severity.PAGE, Window.H6, Window.M30, 3.5),
                    new AlertRule(Severity.TICKET, Window.D1, Window.H2, 1.4),
                    new AlertRule(Severity.TICKET, Window.D3, Window.H6, 1))),
            new AlertWindows(Duration.ofDays(28), List.of(
                    new AlertRule(Severity.PAGE, Window.H1, Window.M5, 13.44),
                    new AlertRule(Severity.PAGE, Window.H6, Window.M30, 5.6),
                    new AlertRule(Severity.TICKET, Window.D1, Window.H2, 2.8),
                    new AlertRule(Severity.TICKET, Window.D3, Window.H6, 1))),
            new AlertWindows(Duration.ofDays(30), List.of(
                    new AlertRule(Severity.PAGE, Window.H1, Window.M5, 14.4),
                    new AlertRule(Severity.PAGE, Window.H6, Window.M30, 6),
                    new AlertRule(Severity.TICKET, Window.D1, Window.H2, 3),
                    new AlertRule(Severity.TICKET, Window.D3, Window.H6, 1))));

    public AlertWindows {
        rules = List.copyOf(rules);
        for (AlertRule rule : rules) {
            if (rule.longWindow().length().compareTo(period) > 0) {
                throw new IllegalArgumentException("a " + rule.longWindow().name() + " window is longer than the period " + period);
            }
        }
    }

    /** The rules for an SLO window: the row of the longest tabled period at or below it. */
    public static List<AlertRule> forPeriod(Duration period) {
        AlertWindows chosen = TABLE.get(0);
        for (AlertWindows row : TABLE) {
            if (row.period().compareTo(period) <= 0) {
                chosen = row;
            }
        }
        return chosen.rules();
    }
}
