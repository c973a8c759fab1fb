package org.probefleet.wire.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every coordinator API path, as the coordinator routes it and as clients call it, and how a
 * request proves who it is ({@code Authorization: Bearer TOKEN}). Paths here are absolute; a
 * client resolves them under the coordinator's base URL.
 */
public final class ApiPaths {

    public static final String AUTHORIZATION = "Authorization";
    public static final String BEARER = "Bearer ";

    /** Agents post outcome batches here; the same path lists stored outcomes. */
    public static final String OUTCOMES = "/api/v1/outcomes";
    public static final String OUTCOME_ROUTE = OUTCOMES + "/:runId";
    public static final String HEARTBEAT = "/api/v1/agents/heartbeat";
    public static final String AGENTS = "/api/v1/agents";
    /** Who this coordinator is in a group on one store, and whether it leads. */
    public static final String GROUP = "/api/v1/group";
    public static final String ASSIGNMENTS_ROUTE = AGENTS + "/:agent/assignments";
    /**
     * The assignments poll's query parameter naming the definitions version whose files the agent
     * holds: the answer leaves the files out when that version is still in force.
     */
    public static final String HELD_DEFINITIONS = "definitions";
    public static final String ARTIFACT_ROUTE = "/api/v1/artifacts/:id";
    /** Definitions: PUT pushes a set, GET returns the one in force. */
    public static final String JOURNEYS = "/api/v1/journeys";
    public static final String JOURNEYS_STATUS = JOURNEYS + "/status";
    public static final String SLOS = "/api/v1/slos";
    public static final String SLO_ROUTE = SLOS + "/:name";
    public static final String GATE_ROUTE = SLO_ROUTE + "/gate";
    public static final String GATE_OVERRIDE_ROUTE = GATE_ROUTE + "/override";
    public static final String REPORT = "/api/v1/report";
    /** Deploy markers: CI posts one per release; GET lists them. */
    public static final String DEPLOYS = "/api/v1/deploys";
    public static final String ESTIMATE_ROUTE = SLO_ROUTE + "/estimate";
    public static final String BUDGET_ROUTE = SLO_ROUTE + "/budget";
    public static final String AUDIT = "/api/v1/audit";

    private ApiPaths() {
    }

    /** The header value a request carries to authenticate with {@code token}. */
    public static String bearer(String token) {
        return BEARER + token;
    }

    public static String assignments(String agent) {
        return AGENTS + "/" + agent + "/assignments";
    }

    /** The assignments of {@code agent}, which holds the definition files of version {@code held}. */
    public static String assignments(String agent, String held) {
        return assignments(agent) + "?" + HELD_DEFINITIONS + "=" + URLEncoder.encode(held, StandardCharsets.UTF_8);
    }

    public static String artifact(String id) {
        return "/api/v1/artifacts/" + id;
    }

    public static String slo(String name) {
        return SLOS + "/" + name;
    }

    public static String gate(String slo) {
        return slo(slo) + "/gate";
    }

    public static String gateOverride(String slo) {
        return gate(slo) + "/override";
    }

    public static String estimate(String slo) {
        return slo(slo) + "/estimate";
    }

    public static String report(String quarter) {
        return REPORT + "?quarter=" + URLEncoder.encode(quarter, StandardCharsets.UTF_8);
    }
}
