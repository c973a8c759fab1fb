package org.probefleet.journeys.model;

import java.util.Locale;
import java.util.OptionalDouble;

/** Ratios written as percentages (20%) or fractions (0.2). */
public final class Ratios {

    private Ratios() {
    }

    public static OptionalDouble parse(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.endsWith("%")) {
                return OptionalDouble.of(Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim()) / 100.0);
            }
            return OptionalDouble.of(Double.parseDouble(trimmed));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** 0.994 as "99.4%", 0.25 as "25%": as few decimals as the value needs, up to six. */
    public static String percent(double ratio) {
        String text = String.format(Locale.ROOT, "%.6f", ratio * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + "%";
    }
}
