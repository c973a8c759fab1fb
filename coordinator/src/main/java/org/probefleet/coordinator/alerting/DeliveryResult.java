package org.probefleet.coordinator.alerting;

import java.util.Locale;

/** How one delivery attempt to an on-call receiver ended; the {@code result} label of the notifications counter. */
public enum DeliveryResult {
    /** The receiver took it (2xx). */
    SENT,
    /** It failed in a way worth trying again (network, 429, 5xx); another attempt is scheduled. */
    RETRIED,
    /** It failed for good (another 4xx, or out of attempts) and was logged. */
    DROPPED;

    /** The label value: {@code sent}, {@code retried}, {@code dropped}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
