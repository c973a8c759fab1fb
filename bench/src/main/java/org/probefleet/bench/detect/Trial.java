package org.probefleet.bench.detect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One trial of the live detect benchmark: its own journey and SLO (a firing page holds for 30
 * minutes, so trials never share one), when its chaos starts after the bench's start, and the
 * region it fails in (empty: all of them).
 */
record Trial(Kind kind, int number, Duration chaosAt, Optional<String> region) {

    /** What the trial plays and what it must raise. */
    enum Kind {
        FULL_OUTAGE("full outage", "every region fails until the page; must page"),
        ONE_REGION("one-region outage", "one region fails for the outage time; must not page"),
        BLIP("single blip", "one region fails one run; must raise nothing");

        final String label;
        final String rule;

        Kind(String label, String rule) {
            this.label = label;
            this.rule = rule;
        }

        String slug() {
            return switch (this) {
                case FULL_OUTAGE -> "full";
                case ONE_REGION -> "region";
                case BLIP -> "blip";
            };
        }
    }

    /** The journey's id, also its shop path under /ping/ and the name of its fault. */
    String key() {
        return "detect-" + kind.slug() + "-" + number;
    }

    String slo() {
        return key() + "-availability";
    }

    String path() {
        return "/ping/" + key();
    }

    List<String> regions(List<String> all) {
        return region.map(List::of).orElse(all);
    }
}
