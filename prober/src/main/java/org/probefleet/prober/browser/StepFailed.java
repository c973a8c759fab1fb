package org.probefleet.prober.browser;

/** A step that did not hold, in words that say what it expected and what was there: the target's failure. */
final class StepFailed extends RuntimeException {
    StepFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
