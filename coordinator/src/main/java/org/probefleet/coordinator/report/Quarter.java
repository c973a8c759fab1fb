package org.probefleet.coordinator.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter in UTC, written like {@code 2026Q4}. */
public record Quarter(int year, int number) {

    static final Pattern FORMAT = Pattern.compile("(\\d{4})Q([1-4])");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4, not " + number);
        }
    }

    /** Reads {@code 2026Q4}; empty for anything else. */
    public static Optional<Quarter> parse(String text) {
        Matcher matcher = FORMAT.matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
        return matcher.matches() ? Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))))
                : Optional.empty();
    }

    public static Quarter of(Instant instant) {
        LocalDate date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public List<YearMonth> months() {
        YearMonth first = YearMonth.of(year, (number - 1) * 3 + 1);
        return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    public Instant start() {
        return months().get(0).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the quarter. */
    public Instant end() {
        return months().get(2).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return year + "Q" + number;
    }
}
