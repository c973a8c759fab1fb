package org.probefleet.wire;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.probefleet.journeys.model.LatencyBuckets;

/**
 * Every name Probefleet publishes, in one place: HTTP headers, metric names and labels. Other
 * modules refer to these constants so a rename happens once (and breaks a golden test).
 */
public final class Conventions {

    /** The header every journey request carries, so targets can tell synthetic traffic by region. */
    public static final String REGION_HEADER = "X-Probefleet-Region";
    /** The product token of the User-Agent journeys send. */
    public static final String USER_AGENT_PRODUCT = "Probefleet";
    /** The release every agent and coordinator of this build reports (User-Agent, heartbeats, --version). */
    public static final String VERSION = "0.1.0";

    // Agent metrics (Micrometer names; Prometheus adds _total and _seconds).
    public static final String JOURNEY_RUNS = "probefleet.journey.runs";
    public static final String JOURNEY_DURATION = "probefleet.journey.duration";
    public static final String STEP_DURATION = "probefleet.step.duration";
    public static final String OUTBOX_PENDING = "probefleet.outbox.pending";
    public static final String SCHEDULE_LAG = "probefleet.schedule.lag";
    public static final String SCHEDULE_MISSED = "probefleet.schedule.missed";

    /**
     * The journey duration histogram's buckets, in seconds: the agents export exactly these, and
     * the generated rules may only query these as latency thresholds. The list lives with the
     * definitions ({@link LatencyBuckets}) so {@code check} refuses any other threshold.
     */
    public static final double[] DURATION_BUCKETS_SECONDS = LatencyBuckets.seconds();

    // Coordinator metrics.
    public static final String OUTCOMES_INGESTED = "probefleet.outcomes.ingested";
    /** Outcomes of journeys the coordinator does not define: no journey label, so a sender cannot make series up. */
    public static final String OUTCOMES_UNKNOWN_JOURNEY = "probefleet.outcomes.unknown.journey";
    public static final String SLO_SLI = "probefleet.slo.sli.ratio";
    public static final String SLO_BURN_RATE = "probefleet.slo.burn.rate";
    public static final String SLO_BUDGET_REMAINING = "probefleet.slo.error.budget.remaining.ratio";
    public static final String SLO_BUDGET_STATE = "probefleet.slo.budget.state";
    public static final String SLO_ALERT_FIRING = "probefleet.slo.alert.firing";
    public static final String AGENT_UP = "probefleet.agent.up";
    /** 1 on the member of a coordinator group that leads, 0 on the others. */
    public static final String GROUP_LEADER = "probefleet.group.leader";
    public static final String ALERT_NOTIFICATIONS = "probefleet.alert.notifications";

    // Labels.
    public static final String JOURNEY = "journey";
    public static final String REGION = "region";
    public static final String STATUS = "status";
    public static final String STEP = "step";
    public static final String SLO = "slo";
    public static final String WINDOW = "window";
    public static final String STATE = "state";
    public static final String SEVERITY = "severity";
    public static final String AGENT = "agent";
    /** The region label value of results over every region's events together. */
    public static final String GLOBAL_REGION = "global";

    // The alert notifications counter's labels, the alerts' owner label, the duration histogram's unit.
    public static final String RECEIVER = "receiver";
    public static final String RESULT = "result";
    public static final String OWNER = "owner";
    /** The base unit of {@link #JOURNEY_DURATION}; Prometheus appends it to the name. */
    public static final String JOURNEY_DURATION_UNIT = "seconds";

    /** A Micrometer counter as Prometheus exposes it: {@code probefleet.journey.runs} → {@code probefleet_journey_runs_total}. */
    public static String prometheusCounter(String name) {
        return prometheusName(name) + "_total";
    }

    /**
     * The bucket series of a Micrometer histogram with a base unit: {@code probefleet.journey.duration} in seconds →
     * {@code probefleet_journey_duration_seconds_bucket}.
     */
    public static String prometheusBuckets(String name, String baseUnit) {
        return prometheusName(name) + "_" + baseUnit + "_bucket";
    }

    /** A bucket's upper bound as the exposition prints it in the {@code le} label: 8 → {@code 8.0}, 0.25 → {@code 0.25}. */
    public static String le(double upperBound) {
        return Double.toString(upperBound);
    }

    private static String prometheusName(String name) {
        return name.replace('.', '_');
    }

    private Conventions() {
    }

    /** Every metric name above (the constants in the {@code probefleet.} namespace), for tests that nothing is registered outside this class. */
    public static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (Field field : Conventions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("probefleet.")) {
                        names.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Conventions." + field.getName() + " is public, yet not readable", e);
                }
            }
        }
        return names;
    }
}
