package org.probefleet.journeys.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.model.BusinessImpact;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Indicator;
import org.probefleet.journeys.model.LatencyBuckets;
import org.probefleet.journeys.model.PathGlob;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Origin;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an {@code slo:} document. References to journeys and policies are checked across files later. */
public final class SloParser {

    public static final List<String> KEYS = List.of("name", "description", "owner", "indicator", "target", "window",
            "alert_quorum", "min_events", "policy", "business_impact", "notification_threshold", "critical_paths");

    private SloParser() {
    }

    public static Optional<Slo> parse(Section doc) {
        Diagnostics diagnostics = doc.diagnostics();
        int before = diagnostics.count();
        Optional<Section> body = doc.section("slo");
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Section fields = body.get();
        fields.allowOnly(KEYS);
        Optional<String> name = fields.requiredText("name", "slo")
                .filter(text -> Ids.check(fields.node("name").orElseThrow(), text, diagnostics, "SLO name"));
        Optional<Indicator> indicator = fields.required("indicator", "slo")
                .flatMap(node -> Section.of(node, diagnostics, "'indicator'")).flatMap(SloParser::indicator);
        OptionalDouble target = fields.required("target", "slo").isPresent() ? fields.number("target") : OptionalDouble.empty();
        if (target.isPresent() && !(target.getAsDouble() > 0 && target.getAsDouble() < 1)) {
            diagnostics.error(fields.node("target").orElseThrow(), "target " + fields.text("target").orElse("")
                    + " must be between 0 and 1 (exclusive), like 0.995 for 99.5%");
        }
        Duration window = fields.duration("window").orElse(Slo.DEFAULT_WINDOW);
        if (fields.has("window") && !Slo.isSupportedWindow(window)) {
            diagnostics.error(fields.node("window").orElseThrow(), "window " + Durations.format(window)
                    + " is not supported: use whole days from 1d to 90d, like 28d or 30d");
        }
        int quorum = atLeastOne(fields, "alert_quorum", Slo.DEFAULT_ALERT_QUORUM);
        int minEvents = atLeastOne(fields, "min_events", Slo.DEFAULT_MIN_EVENTS);
        String policy = fields.text("policy").orElse(Policy.DEFAULT_NAME);
        Optional<BusinessImpact> impact = fields.section("business_impact").flatMap(SloParser::impact);
        OptionalDouble threshold = fields.ratio("notification_threshold");
        if (threshold.isPresent() && !(threshold.getAsDouble() > 0 && threshold.getAsDouble() <= 1)) {
            diagnostics.error(fields.node("notification_threshold").orElseThrow(),
                    "notification_threshold must be above 0% and at most 100% of the budget");
        }
        List<PathGlob> criticalPaths = criticalPaths(fields);
        if (name.isEmpty() || indicator.isEmpty() || target.isEmpty() || diagnostics.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Slo(name.get(), fields.text("description").orElse(""), fields.text("owner").orElse(""),
                indicator.get(), target.getAsDouble(), window, quorum, minEvents, policy, impact, threshold,
                Origin.of(diagnostics.file(), fields.node("name").orElseThrow()), criticalPaths));
    }

    /** {@code critical_paths: [services/payment/**, ...]}: each a glob, each mistake reported at its item. */
    private static List<PathGlob> criticalPaths(Section fields) {
        List<PathGlob> globs = new ArrayList<>();
        fields.list("critical_paths").ifPresent(items -> {
            for (Node item : items) {
                Section.text(item, fields.diagnostics(), "critical_paths").ifPresent(pattern -> PathGlob.problem(pattern).ifPresentOrElse(
                        problem -> fields.diagnostics().error(item, problem), () -> globs.add(new PathGlob(pattern))));
            }
        });
        return globs;
    }

    private static Optional<Indicator> indicator(Section fields) {
        fields.allowOnly(List.of("journey", "latency_threshold"));
        Optional<Duration> threshold = fields.duration("latency_threshold");
        threshold.filter(Duration::isZero).ifPresent(zero -> fields.diagnostics().error(
                fields.node("latency_threshold").orElseThrow(), "latency_threshold must be more than 0s"));
        threshold.filter(limit -> !limit.isZero()).flatMap(LatencyBuckets::problem).ifPresent(problem -> fields.diagnostics().error(
                fields.node("latency_threshold").orElseThrow(), problem));
        return fields.requiredText("journey", "'indicator'").map(journey -> new Indicator(journey, threshold));
    }

    private static Optional<BusinessImpact> impact(Section fields) {
        fields.allowOnly(List.of("per_percent_of_burn", "currency", "users_per_hour"));
        OptionalDouble perPercent = fields.required("per_percent_of_burn", "'business_impact'").isPresent()
                ? fields.number("per_percent_of_burn") : OptionalDouble.empty();
        OptionalDouble users = fields.number("users_per_hour");
        for (String key : List.of("per_percent_of_burn", "users_per_hour")) {
            Optional<Node> node = fields.node(key);
            OptionalDouble value = key.equals("users_per_hour") ? users : perPercent;
            if (node.isPresent() && value.isPresent() && value.getAsDouble() < 0) {
                fields.diagnostics().error(node.get(), "'" + key + "' must not be negative");
                return Optional.empty();
            }
        }
        String currency = fields.text("currency").orElse(BusinessImpact.DEFAULT_CURRENCY);
        if (!currency.matches("[A-Z]{3}")) {
            fields.diagnostics().error(fields.node("currency").orElseThrow(), "currency '" + currency
                    + "' must be an ISO 4217 code like USD or EUR");
            return Optional.empty();
        }
        return perPercent.isPresent()
                ? Optional.of(new BusinessImpact(perPercent.getAsDouble(), currency, users))
                : Optional.empty();
    }

    private static int atLeastOne(Section fields, String key, int fallback) {
        int value = fields.integer(key).orElse(fallback);
        if (value < 1) {
            fields.diagnostics().error(fields.node(key).orElseThrow(), "'" + key + "' must be at least 1, not " + value);
        }
        return value;
    }
}
