package org.probefleet.prober.run;

import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * The one place that decides whose fault an unsuccessful run is: the target's ({@code failure}) or
 * the agent's own ({@code prober_error}). Runners classify at the point they know by throwing a
 * {@link ProberFault}; this class only reads types, never message text. It also says an error in one line.
 */
public final class Failures {

    static final int MAX_LENGTH = 400;

    private Failures() {
    }

    /** A {@link ProberFault} or the agent running out of memory is the agent's; anything else the target's. */
    public static OutcomeStatus classify(Throwable error) {
        return error instanceof ProberFault || error instanceof OutOfMemoryError ? OutcomeStatus.PROBER_ERROR : OutcomeStatus.FAILURE;
    }

    /**
     * The status to report once the agent's self-check is known: a failure seen while the agent
     * cannot render a local page or resolve its targets says nothing about the target.
     */
    public static OutcomeStatus reported(OutcomeStatus status, boolean selfCheckOk) {
        return status == OutcomeStatus.FAILURE && !selfCheckOk ? OutcomeStatus.PROBER_ERROR : status;
    }

    /** Whether another attempt may help: a failure may be flaky, a prober error is not the target's to retry. */
    static boolean retryable(OutcomeStatus status) {
        return status == OutcomeStatus.FAILURE;
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
