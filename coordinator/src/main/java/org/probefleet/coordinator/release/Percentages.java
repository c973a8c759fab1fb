package org.probefleet.coordinator.release;

import java.util.Locale;

/** Budget shares and multiples as people read them: one decimal, never four, and "<0.1%" rather than a false zero. */
public final class Percentages {

    private Percentages() {
    }

    /** 0.062 → "6.2%", 0.5 → "50%", 0.0004 → "<0.1%", 0 → "0%". */
    public static String of(double ratio) {
        double percent = ratio * 100;
        if (percent == 0) {
            return "0%";
        }
        if (Math.abs(percent) < 0.05) {
            return percent > 0 ? "<0.1%" : ">-0.1%";
        }
        String text = String.format(Locale.ROOT, "%.1f", percent);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    /** 3.14 → "3.1", 2.0 → "2". */
    public static String multiple(double multiple) {
        String text = String.format(Locale.ROOT, "%.1f", multiple);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
