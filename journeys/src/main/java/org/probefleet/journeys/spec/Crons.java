package org.probefleet.journeys.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/** Shape checks for Quartz cron expressions (seconds minutes hours day-of-month month day-of-week [year]). */
final class Crons {

    private static final String[] FIELDS = {"seconds", "minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
    private static final Pattern FIELD = Pattern.compile("[0-9A-Za-z*?/,#\\-]+");

    private Crons() {
    }

    /** Why the expression is not a Quartz cron expression, or empty when its shape is right. */
    static Optional<String> problem(String expression) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length < 6 || fields.length > 7) {
            return Optional.of("a Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month "
                    + "month day-of-week [year]), this one has " + fields.length + "; e.g. \"0 */5 * * * ?\"");
        }
        for (int i = 0; i < fields.length; i++) {
            if (!FIELD.matcher(fields[i]).matches()) {
                return Optional.of("field " + (i + 1) + " (" + FIELDS[i] + ") '" + fields[i] + "' has characters cron does not use");
            }
        }
        if (!fields[3].equals("?") && !fields[5].equals("?")) {
            return Optional.of("Quartz needs '?' in day-of-month or day-of-week, e.g. \"0 0 * * * ?\"");
        }
        return Optional.empty();
    }
}
