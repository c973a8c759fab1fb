package org.probefleet.wire.outcome;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a run happened: its schedule, or a confirmation the coordinator asked for when another
 * region's run of the journey failed. Both count the same; the trigger says why a run came
 * between its schedule's runs.
 */
public enum RunTrigger {
    SCHEDULE, CONFIRMATION;

    /** The name on the wire: {@code schedule}, {@code confirmation}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RunTrigger> fromWire(String text) {
        for (RunTrigger trigger : values()) {
            if (trigger.wireName().equals(text)) {
                return Optional.of(trigger);
            }
        }
        return Optional.empty();
    }
}
