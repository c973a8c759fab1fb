package org.probefleet.coordinator.slo;

import java.time.Duration;

/**
 * One multiwindow burn-rate condition (Google SRE workbook, chapter 5): it holds when both
 * windows burn faster than {@code threshold} (a burn rate: 1 spends the budget exactly over the
 * SLO window). The rules of an SLO come from {@link AlertWindows#forPeriod(Duration)}.
 */
public record AlertRule(Severity severity, Window longWindow, Window shortWindow, double threshold) {

    public AlertRule {
        if (!(threshold >= 1)) {
            throw new IllegalArgumentException("a burn-rate threshold below 1 alerts while the SLO is met, got " + threshold);
        }
    }

    /** The share of an SLO window's budget spent in the long window at exactly this threshold: threshold × long ÷ period. */
    public double budgetFraction(Duration period) {
        return threshold * longWindow.length().toMillis() / period.toMillis();
    }
}
