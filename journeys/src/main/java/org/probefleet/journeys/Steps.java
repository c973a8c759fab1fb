package org.probefleet.journeys;

/** Names and times the steps of a Java journey, as YAML steps are named and timed. */
public interface Steps {

    /** An action of a step; may throw to fail the step (and so the journey). */
    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} as the step {@code name}: timed, reported, and the journey's failed step if it throws. */
    void step(String name, Action action) throws Exception;
}
