package org.probefleet.coordinator.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Slo;
import org.probefleet.wire.Conventions;

/**
 * Sloth's labels and meta recordings ({@code ./fleet rules --sloth-compatible}), so Sloth's
 * Grafana dashboards read Probefleet's SLOs: the service is the journey, the SLO keeps its name,
 * and only the global SLI carries the labels, as Sloth has one series per SLO and window.
 * Expressions are those Sloth generates for its {@code prometheus/v1} specs.
 */
final class SlothRecordings {

    static final String ID = "sloth_id";
    static final String SERVICE = "sloth_service";
    static final String SLO = "sloth_slo";
    private static final String JOIN = " / on(" + ID + ", " + SLO + ", " + SERVICE + ") group_left ";

    private SlothRecordings() {
    }

    /** Adds Sloth's identifying labels to {@code labels}. */
    static ObjectNode label(ObjectNode labels, Slo slo) {
        String service = service(slo);
        return labels.put(ID, service + "-" + slo.name()).put(SERVICE, service).put(SLO, slo.name());
    }

    /** Sloth's service of an SLO: its journey, or the SLO itself when it measures no journey. */
    static String service(Slo slo) {
        return slo.indicator().measuredJourney().orElse(slo.name());
    }

    /** The group of Sloth's meta recordings for one SLO: objective, budget, period, burn rates, remaining budget, info. */
    static void addMetaGroup(ArrayNode groups, Slo slo) {
        String service = service(slo);
        ArrayNode rules = groups.addObject().put("name", "probefleet-slo-" + slo.name() + "-sloth-meta-recordings").putArray("rules");
        String selector = "{" + ID + "=\"" + service + "-" + slo.name() + "\", " + SERVICE + "=\"" + service + "\", "
                + SLO + "=\"" + slo.name() + "\"}";
        String target = Double.toString(slo.target());
        record(rules, slo, "slo:objective:ratio", "vector(" + target + ")");
        record(rules, slo, "slo:error_budget:ratio", "vector(1-" + target + ")");
        record(rules, slo, "slo:time_period:days", "vector(" + slo.window().toDays() + ")");
        record(rules, slo, "slo:current_burn_rate:ratio",
                PrometheusRules.record("5m") + selector + JOIN + "slo:error_budget:ratio" + selector);
        record(rules, slo, "slo:period_burn_rate:ratio",
                PrometheusRules.record(Durations.format(slo.window())) + selector + JOIN + "slo:error_budget:ratio" + selector);
        record(rules, slo, "slo:period_error_budget_remaining:ratio", "1 - slo:period_burn_rate:ratio" + selector);
        record(rules, slo, "sloth_slo_info", "vector(1)");
    }

    private static void record(ArrayNode rules, Slo slo, String name, String expr) {
        ObjectNode labels = rules.addObject().put("record", name).put("expr", expr).putObject("labels");
        label(labels, slo).put(Conventions.SLO, slo.name());
        slo.indicator().measuredJourney().ifPresent(journey -> labels.put(Conventions.JOURNEY, journey));
        labels.put(Conventions.OWNER, PrometheusRules.owner(slo));
    }
}
