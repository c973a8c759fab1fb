package org.probefleet.coordinator.view;

import java.time.Duration;
import java.util.Locale;

/** How numbers read to people, the same on the dashboard and in alerts: money, spans of time, burn rates. */
public final class Wording {

    private Wording() {
    }

    /** "≈ $1.2M", "≈ $12k", "≈ EUR 850". */
    public static String money(double amount, String currency) {
        String symbol = currency.equals("USD") ? "$" : currency + " ";
        if (amount >= 1_000_000) {
            return String.format(Locale.ROOT, "≈ %s%.1fM", symbol, amount / 1_000_000);
        }
        if (amount >= 1_000) {
            return String.format(Locale.ROOT, "≈ %s%.0fk", symbol, amount / 1_000);
        }
        return String.format(Locale.ROOT, "≈ %s%.0f", symbol, amount);
    }

    /** "3 days", "17 h", "12 min"; zero reads "exhausted" (a time to exhaustion that has arrived). */
    public static String span(Duration duration) {
        if (duration.isZero()) {
            return "exhausted";
        }
        if (duration.toDays() >= 2) {
            return duration.toDays() + " days";
        }
        if (duration.toHours() >= 1) {
            return duration.toHours() + " h";
        }
        return Math.max(1, duration.toMinutes()) + " min";
    }

    /** A burn rate: "41x", "2.5x", "0.3x". */
    public static String burn(double rate) {
        return rate >= 10 ? String.format(Locale.ROOT, "%.0fx", rate) : String.format(Locale.ROOT, "%.1fx", rate);
    }
}
