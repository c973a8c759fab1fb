package org.probefleet.coordinator.slo;

import java.time.Duration;
import java.util.List;

/**
 * One multiwindow burn-rate condition (Google SRE workbook, chapter 5): it holds when both
 * windows burn faster than the rate that would spend {@code budgetFraction} of the SLO
 * window's budget within the long window.
 */
public record AlertRule(Severity severity, Window longWindow, Window shortWindow, double budgetFraction) {

    /** The workbook's pairs: for a 30d window their thresholds are 14.4, 6, 3 and 1. */
    public static final List<AlertRule> DEFAULT = List.of(
            new AlertRule(Severity.PAGE, Window.H1, Window.M5, 0.02),
            new AlertRule(Severity.PAGE, Window.H6, Window.M30, 0.05),
            new AlertRule(Severity.TICKET, Window.D1, Window.H2, 0.10),
            new AlertRule(Severity.TICKET, Window.D3, Window.H6, 0.10));

    /** The burn rate both windows must exceed: {@code budgetFraction × sloWindow / longWindow}. */
    public double threshold(Duration sloWindow) {
        return budgetFraction * sloWindow.toMillis() / longWindow.length().toMillis();
    }
}
