package org.probefleet.prober.run;

/**
 * What a browser attempt records besides its outcome. A trace with DOM snapshots costs a healthy
 * checkout about a fifth of its time, so the agent records one only where it explains something:
 * on the retry of a failed attempt and on the run after an incident's first untraced failure.
 */
public enum Evidence {
    /** Nothing: runs whose outcome is all that is wanted. */
    NONE,
    /** A screenshot taken when the attempt fails, which a passing attempt never pays for. */
    FAILURE_SCREENSHOT,
    /** A Playwright trace of the whole attempt, kept whether it passes or fails, and the failure's screenshot. */
    TRACE;

    /** What a retry records: it follows a failed attempt, so it is traced unless nothing is recorded at all. */
    public Evidence forRetry() {
        return this == NONE ? NONE : TRACE;
    }
}
