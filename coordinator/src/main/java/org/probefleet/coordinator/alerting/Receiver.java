package org.probefleet.coordinator.alerting;

import java.util.Locale;

/** The kinds of on-call receiver alerts are delivered to; the {@code receiver} label of the notifications counter. */
public enum Receiver {
    ALERTMANAGER, PAGERDUTY, WEBHOOK;

    /** The label value and the name in logs: {@code alertmanager}, {@code pagerduty}, {@code webhook}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
