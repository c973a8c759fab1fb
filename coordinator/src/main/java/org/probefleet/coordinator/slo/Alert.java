package org.probefleet.coordinator.slo;

/**
 * A firing alert of one SLO: a burn-rate page or ticket for a scope ({@code global} or a
 * region), or a region's missing data. Its key is stable across evaluations and restarts.
 */
public record Alert(Kind kind, Severity severity, String scope) {

    public enum Kind {
        BURN_RATE, NO_DATA;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String key() {
        return kind.wireName() + "/" + severity.wireName() + "/" + scope;
    }
}
