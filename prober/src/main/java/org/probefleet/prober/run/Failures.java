package org.probefleet.prober.run;

import java.util.List;
import java.util.Locale;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Decides whether an exception is the target's failure or the agent's own, and says it in one line. */
public final class Failures {

    /** Messages of the browser or agent breaking, not the target. */
    static final List<String> PROBER_SIGNS = List.of("target page, context or browser has been closed",
            "browser has been closed", "target crashed", "browser has disconnected", "browser closed",
            "failed to launch", "executable doesn't exist", "driver", "connection closed");
    static final int MAX_LENGTH = 400;

    private Failures() {
    }

    public static OutcomeStatus classify(Throwable error) {
        if (error instanceof Resolver.MissingValue || error instanceof OutOfMemoryError) {
            return OutcomeStatus.PROBER_ERROR;
        }
        String text = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (error.getClass().getName().startsWith("com.microsoft.playwright")
                && !error.getClass().getSimpleName().equals("TimeoutError")
                && PROBER_SIGNS.stream().anyMatch(text::contains)) {
            return OutcomeStatus.PROBER_ERROR;
        }
        return OutcomeStatus.FAILURE;
    }

    /** The first meaningful line of the message, masked and bounded. */
    public static String oneLine(Throwable error, Secrets secrets) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String line = message.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("=====")
                && !l.equalsIgnoreCase("Error {")).findFirst().orElse(message.strip());
        line = line.replaceFirst("^(Error \\{ )?message='", "").replaceFirst("^Error: ", "").replaceFirst("'$", "");
        line = secrets.mask(line);
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }
}
