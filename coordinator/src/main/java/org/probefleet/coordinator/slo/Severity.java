package org.probefleet.coordinator.slo;

import java.util.Locale;
import java.util.Optional;

/**
 * How urgent a notification is. A page wakes someone up; a ticket is for working hours; info is
 * a notice nobody needs to act on now (a budget state change, a threshold crossing), which no
 * alert rule raises.
 */
public enum Severity {
    PAGE, TICKET, INFO;

    /** The name in labels, payloads and configuration: {@code page}, {@code ticket}, {@code info}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromWire(String text) {
        for (Severity severity : values()) {
            if (severity.wireName().equals(text)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
