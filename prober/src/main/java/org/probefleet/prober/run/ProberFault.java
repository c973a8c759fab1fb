package org.probefleet.prober.run;

/**
 * The agent's own problem, not the target's: its browser is missing or crashed, a value it should
 * hold is not set, a journey's class is not on its classpath. Runners throw it where they know
 * this; a run that ends with one is a {@code prober_error}, and its message is what the outcome says.
 */
public class ProberFault extends RuntimeException {

    public ProberFault(String message) {
        super(message);
    }

    /** Keeps the cause's own message, so the outcome reads the same as the error that was classified. */
    public ProberFault(Throwable cause) {
        super(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause);
    }
}
