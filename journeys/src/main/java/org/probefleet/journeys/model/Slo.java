package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.yaml.Origin;

/**
 * A service level objective over an indicator (journey runs or a Prometheus ratio), with its
 * alerting and policy settings, and the code paths on its critical path (a pull request touching
 * one gets the SLO's review checklist).
 */
public record Slo(String name, String description, String owner, Indicator indicator, double target,
                  Duration window, int alertQuorum, int minEvents, String policy,
                  Optional<BusinessImpact> businessImpact, OptionalDouble notificationThreshold, Origin origin,
                  List<PathGlob> criticalPaths) {

    /** Regions that must burn together before a global page. */
    public static final int DEFAULT_ALERT_QUORUM = 2;
    /** Events a window needs before it may fire. */
    public static final int DEFAULT_MIN_EVENTS = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    public static final Duration MIN_WINDOW = Duration.ofDays(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(90);

    /** Without critical paths. */
    public Slo(String name, String description, String owner, Indicator indicator, double target, Duration window, int alertQuorum,
               int minEvents, String policy, Optional<BusinessImpact> businessImpact, OptionalDouble notificationThreshold, Origin origin) {
        this(name, description, owner, indicator, target, window, alertQuorum, minEvents, policy, businessImpact, notificationThreshold,
                origin, List.of());
    }

    public Slo {
        criticalPaths = List.copyOf(criticalPaths);
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("target must be in (0, 1), got " + target);
        }
        if (!isSupportedWindow(window)) {
            throw new IllegalArgumentException("window must be whole days from 1d to 90d, got " + window);
        }
        if (alertQuorum < 1 || minEvents < 1) {
            throw new IllegalArgumentException("alert_quorum and min_events must be at least 1");
        }
    }

    public static boolean isSupportedWindow(Duration window) {
        return window.compareTo(MIN_WINDOW) >= 0 && window.compareTo(MAX_WINDOW) <= 0
                && window.toMillis() % Duration.ofDays(1).toMillis() == 0;
    }

    /** The same SLO with another target: backtesting's "what if". */
    public Slo withTarget(double newTarget) {
        return new Slo(name, description, owner, indicator, newTarget, window, alertQuorum, minEvents, policy, businessImpact,
                notificationThreshold, origin, criticalPaths);
    }

    /** The same SLO with another owner: an SLO without one takes its journey's. */
    public Slo withOwner(String newOwner) {
        return new Slo(name, description, newOwner, indicator, target, window, alertQuorum, minEvents, policy, businessImpact,
                notificationThreshold, origin, criticalPaths);
    }

    /** The share of events allowed to be bad: 1 − target. */
    public double errorBudget() {
        return 1 - target;
    }
}
