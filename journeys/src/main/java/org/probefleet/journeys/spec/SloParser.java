package org.probefleet.journeys.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.model.BusinessImpact;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Indicator;
import org.probefleet.journeys.model.Money;
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
        if (doc.has("apiVersion")) {
            return OpenSloParser.parse(doc);
        }
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
                .flatMap(node -> Section.of(node, diagnostics, "'indicator'")).flatMap(IndicatorParser::parse);
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

    private static Optional<BusinessImpact> impact(Section fields) {
        fields.allowOnly(List.of("per_percent_of_burn", "currency", "users_per_hour"));
        Optional<Money> perPercent = fields.required("per_percent_of_burn", "'business_impact'").flatMap(node -> money(fields, node));
        OptionalDouble users = fields.number("users_per_hour");
        if (users.isPresent() && users.getAsDouble() < 0) {
            fields.diagnostics().error(fields.node("users_per_hour").orElseThrow(), "'users_per_hour' must not be negative");
            return Optional.empty();
        }
        String currency = fields.text("currency").orElse(perPercent.flatMap(Money::currency).orElse(BusinessImpact.DEFAULT_CURRENCY));
        if (!currency.matches("[A-Z]{3}")) {
            fields.diagnostics().error(fields.node("currency").orElseThrow(), "currency '" + currency
                    + "' must be an ISO 4217 code like USD or EUR");
            return Optional.empty();
        }
        Optional<String> written = perPercent.flatMap(Money::currency);
        if (written.isPresent() && !written.get().equals(currency)) {
            fields.diagnostics().error(fields.node("currency").orElseThrow(), "currency " + currency
                    + " disagrees with per_percent_of_burn, which is in " + written.get());
            return Optional.empty();
        }
        return perPercent.map(amount -> new BusinessImpact(amount.amount(), currency, users));
    }

    /** A number, or money text like "$45,000 estimated revenue": the amount, and the currency when it says one. */
    private static Optional<Money> money(Section fields, Node node) {
        Optional<String> raw = Section.text(node, fields.diagnostics(), "per_percent_of_burn");
        Optional<Money> money = raw.flatMap(Money::parse);
        if (raw.isPresent() && money.isEmpty()) {
            String text = raw.get();
            fields.diagnostics().error(node, text.strip().startsWith("-") ? "'per_percent_of_burn' must not be negative"
                    : "'per_percent_of_burn' must be a number like 45000 or an amount like \"$45,000 estimated revenue\", not '"
                    + text + "'");
        }
        return money;
    }

    private static int atLeastOne(Section fields, String key, int fallback) {
        int value = fields.integer(key).orElse(fallback);
        if (value < 1) {
            fields.diagnostics().error(fields.node(key).orElseThrow(), "'" + key + "' must be at least 1, not " + value);
        }
        return value;
    }
}
