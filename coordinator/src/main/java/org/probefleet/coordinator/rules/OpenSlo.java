package org.probefleet.coordinator.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.spec.OpenSloNames;
import org.probefleet.wire.Conventions;

/**
 * OpenSLO v1 documents for our SLOs: a Service per journey, an SLO with a ratio indicator over
 * the agents' Prometheus counters (good = successes within the latency threshold), a rolling
 * window and the target, and for each multiwindow pair an AlertCondition (burn rate over the long
 * window; the short window is in its description, OpenSLO has no field for it) with its
 * AlertPolicy, all notifying one AlertNotificationTarget: Probefleet's own routing.
 */
public final class OpenSlo {

    static final String API_VERSION = OpenSloNames.API_VERSION;
    static final String TARGET = "probefleet-routing";
    /** As the rules' writer, but a string that looks like a number stays a string: annotations are strings. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private OpenSlo() {
    }

    public static String render(Definitions definitions) {
        List<ObjectNode> documents = new ArrayList<>();
        ObjectNode target = document("AlertNotificationTarget", TARGET, "Probefleet's own routing");
        target.putObject("spec").put("description", "Alerts go where the coordinator's alerting: section sends them "
                + "(Alertmanager, PagerDuty, webhooks), labelled with the SLO's owner").put("target", "probefleet");
        documents.add(target);
        Set<String> services = new LinkedHashSet<>();
        // Real users' beacons have no query OpenSLO could carry: those SLOs stay the coordinator's own.
        for (Slo slo : definitions.slos().stream().filter(slo -> !(slo.indicator() instanceof RumIndicator)).toList()) {
            Optional<Journey> journey = slo.indicator().measuredJourney().flatMap(definitions::journey);
            String serviceName = journey.map(Journey::id).orElse(slo.name());
            if (services.add(serviceName)) {
                String description = journey.map(Journey::description).orElse(slo.description());
                ObjectNode service = document("Service", serviceName, description);
                service.putObject("spec").put("description", description);
                documents.add(service);
            }
            List<String> policies = new ArrayList<>();
            for (AlertThresholds.Condition rule : AlertThresholds.of(slo)) {
                String name = slo.name() + "-" + rule.severity().wireName() + "-" + rule.longWindow().name();
                ObjectNode condition = document("AlertCondition", name, null);
                ObjectNode conditionSpec = condition.putObject("spec").put("severity", rule.severity().wireName())
                        .put("description", "Burn rate over " + rule.longWindow().name() + " and over " + rule.shortWindow().name()
                                + " above " + number(rule.burnRate()));
                conditionSpec.putObject("condition").put("kind", "burnrate").put("op", "gt")
                        .put("threshold", rule.burnRate()).put("lookbackWindow", rule.longWindow().name());
                documents.add(condition);
                ObjectNode policy = document("AlertPolicy", name, null);
                ObjectNode policySpec = policy.putObject("spec").put("description", rule.severity().wireName() + " on the "
                        + rule.longWindow().name() + "/" + rule.shortWindow().name() + " pair").put("alertWhenBreaching", true)
                        .put("alertWhenResolved", true).put("alertWhenNoData", false);
                policySpec.putArray("conditions").addObject().put("conditionRef", name);
                policySpec.putArray("notificationTargets").addObject().put("targetRef", TARGET);
                documents.add(policy);
                policies.add(name);
            }
            documents.add(slo(slo, serviceName, journey, policies));
        }
        StringBuilder yaml = new StringBuilder("# Generated by ./fleet export --openslo: OpenSLO v1 documents for Probefleet SLOs.\n");
        for (ObjectNode document : documents) {
            try {
                yaml.append("---\n").append(YAML.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return yaml.toString();
    }

    private static ObjectNode slo(Slo slo, String service, Optional<Journey> journey, List<String> policies) {
        ObjectNode document = document("SLO", slo.name(), slo.description().isEmpty() ? null : slo.description());
        ObjectNode metadata = (ObjectNode) document.get("metadata");
        ObjectNode labels = metadata.putObject("labels");
        labels.put(Conventions.OWNER, slo.owner().isEmpty() ? "unowned" : slo.owner());
        journey.ifPresent(measured -> labels.put(Conventions.JOURNEY, measured.id()));
        metadata.set("annotations", OpenSloAnnotations.of(slo));
        ObjectNode spec = document.putObject("spec");
        if (!slo.description().isEmpty()) {
            spec.put("description", slo.description());
        }
        spec.put("service", service);
        ObjectNode indicator = spec.putObject("indicator");
        indicator.putObject("metadata").put("name", slo.name() + "-sli");
        ObjectNode ratio = indicator.putObject("spec").putObject("ratioMetric").put("counter", journey.isPresent());
        String good = journey.map(measured -> "sum(" + PrometheusRules.goodCounter(slo, measured) + ")")
                .orElseGet(() -> ((RatioIndicator) slo.indicator()).numerator());
        String total = journey.map(measured -> "sum(" + PrometheusRules.totalCounter(measured) + ")")
                .orElseGet(() -> ((RatioIndicator) slo.indicator()).denominator());
        ratio.putObject("good").putObject("metricSource").put("type", OpenSloNames.PROMETHEUS).putObject("spec").put("query", good);
        ratio.putObject("total").putObject("metricSource").put("type", OpenSloNames.PROMETHEUS).putObject("spec").put("query", total);
        spec.putArray("timeWindow").addObject().put("duration", Durations.format(slo.window())).put("isRolling", true);
        spec.put("budgetingMethod", "Occurrences");
        spec.putArray("objectives").addObject().put("displayName", slo.name()).put("target", slo.target());
        ArrayNode refs = spec.putArray("alertPolicies");
        policies.forEach(name -> refs.addObject().put("alertPolicyRef", name));
        return document;
    }

    /** 14.4, 6, 0.933: as few digits as the value needs, at most four significant. */
    private static String number(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }

    private static ObjectNode document(String kind, String name, String displayName) {
        ObjectNode document = PrometheusRules.YAML.createObjectNode().put("apiVersion", API_VERSION).put("kind", kind);
        ObjectNode metadata = document.putObject("metadata").put("name", name);
        if (displayName != null && !displayName.isEmpty()) {
            metadata.put("displayName", displayName);
        }
        return document;
    }
}
