package org.probefleet.journeys.model;

import java.time.Duration;

/** When a journey runs: every fixed interval, or on a Quartz cron expression. */
public sealed interface Schedule {

    /** Upper bound of the deterministic per-journey start offset, so journeys sharing an interval do not start together. */
    Duration spread();

    String describe();

    record Every(Duration interval, Duration spread) implements Schedule {
        public Every {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval must be positive, got " + interval);
            }
            if (spread.isNegative() || spread.compareTo(interval) > 0) {
                throw new IllegalArgumentException("spread must be within [0, " + interval + "], got " + spread);
            }
        }

        @Override
        public String describe() {
            return "every " + Durations.format(interval)
                    + (spread.isZero() ? "" : " (spread " + Durations.format(spread) + ")");
        }
    }

    record Cron(String expression, Duration spread) implements Schedule {
        public Cron {
            if (expression.isBlank()) {
                throw new IllegalArgumentException("cron expression is empty");
            }
        }

        @Override
        public String describe() {
            return "cron \"" + expression + "\"" + (spread.isZero() ? "" : " (spread " + Durations.format(spread) + ")");
        }
    }
}
