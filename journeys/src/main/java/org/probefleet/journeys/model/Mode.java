package org.probefleet.journeys.model;

/** A live journey counts toward its SLOs; a shadow journey runs and reports but never burns a budget or alerts. */
public enum Mode {
    LIVE, SHADOW
}
