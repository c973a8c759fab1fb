package org.probefleet.journeys.spec;

/**
 * The OpenSLO v1 names Probefleet writes and reads: the API version, the kinds, and the
 * annotations that carry what OpenSLO has no field for (a journey indicator, quorum, policy,
 * business impact, critical paths), so an exported SLO loads back as the same SLO.
 */
public final class OpenSloNames {

    public static final String API_VERSION = "openslo/v1";
    public static final String SLO = "SLO";
    /** Kinds an export holds besides SLOs: read past, since the engine has its own alerting. */
    public static final java.util.List<String> OTHER_KINDS = java.util.List.of("Service", "SLI", "DataSource", "AlertCondition",
            "AlertPolicy", "AlertNotificationTarget");
    public static final String PROMETHEUS = "Prometheus";

    private static final String PREFIX = "probefleet.org/";
    /** {@code journey} or {@code ratio}: without it a ratioMetric is a Prometheus ratio. */
    public static final String INDICATOR = PREFIX + "indicator";
    public static final String JOURNEY = PREFIX + "journey";
    public static final String LATENCY_THRESHOLD = PREFIX + "latency-threshold";
    public static final String ALERT_QUORUM = PREFIX + "alert-quorum";
    public static final String MIN_EVENTS = PREFIX + "min-events";
    public static final String POLICY = PREFIX + "policy";
    public static final String PER_PERCENT_OF_BURN = PREFIX + "per-percent-of-burn";
    public static final String CURRENCY = PREFIX + "currency";
    public static final String USERS_PER_HOUR = PREFIX + "users-per-hour";
    public static final String NOTIFICATION_THRESHOLD = PREFIX + "notification-threshold";
    /** The SLO's {@code critical_paths}, separated by commas. */
    public static final String CRITICAL_PATHS = PREFIX + "critical-paths";

    private OpenSloNames() {
    }
}
