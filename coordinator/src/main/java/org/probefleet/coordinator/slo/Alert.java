package org.probefleet.coordinator.slo;

import java.util.Locale;
import java.util.Optional;

/**
 * A firing alert of one SLO: a burn-rate page or ticket for a scope ({@code global} or a
 * region), or a region's missing data. Its key is stable across evaluations and restarts.
 */
public record Alert(Kind kind, Severity severity, String scope) {

    public enum Kind {
        BURN_RATE, NO_DATA;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String key() {
        return kind.wireName() + "/" + severity.wireName() + "/" + scope;
    }

    /** Reads a {@link #key()} back; empty for anything else. */
    public static Optional<Alert> parse(String key) {
        String[] parts = key.split("/", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Alert(Kind.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    Severity.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
