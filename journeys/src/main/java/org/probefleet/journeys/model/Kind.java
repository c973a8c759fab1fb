package org.probefleet.journeys.model;

/** How a journey runs: in a real browser, or as HTTP requests. */
public enum Kind {
    BROWSER, HTTP
}
