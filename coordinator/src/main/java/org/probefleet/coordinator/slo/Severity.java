package org.probefleet.coordinator.slo;

import java.util.Locale;

/** A page wakes someone up; a ticket is for working hours. */
public enum Severity {
    PAGE, TICKET;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
