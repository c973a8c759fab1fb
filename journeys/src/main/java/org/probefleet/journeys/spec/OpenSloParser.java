package org.probefleet.journeys.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.model.BusinessImpact;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Indicator;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.Money;
import org.probefleet.journeys.model.PathGlob;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Origin;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an OpenSLO v1 {@code SLO} document: an inline {@code ratioMetric} indicator with Prometheus
 * queries, one objective's target, a rolling time window, Occurrences budgeting. A journey
 * indicator and what OpenSLO has no field for come from the annotations {@code ./fleet export
 * --openslo} writes ({@link OpenSloNames}); without them the ratio's queries are the indicator.
 */
final class OpenSloParser {

    private OpenSloParser() {
    }

    static Optional<Slo> parse(Section doc) {
        Diagnostics diagnostics = doc.diagnostics();
        int before = diagnostics.count();
        Optional<Section> metadata = doc.required("metadata", "an OpenSLO SLO").flatMap(node -> Section.of(node, diagnostics, "'metadata'"));
        Optional<Section> spec = doc.required("spec", "an OpenSLO SLO").flatMap(node -> Section.of(node, diagnostics, "'spec'"));
        if (metadata.isEmpty() || spec.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> name = metadata.get().requiredText("name", "'metadata'")
                .filter(text -> Ids.check(metadata.get().node("name").orElseThrow(), text, diagnostics, "SLO name"));
        Annotations notes = new Annotations(metadata.get().section("annotations"));
        String owner = metadata.get().section("labels").flatMap(labels -> labels.text("owner")).filter(text -> !text.equals("unowned"))
                .orElse("");
        Optional<Indicator> indicator = indicator(spec.get(), notes);
        OptionalDouble target = objective(spec.get());
        Duration window = window(spec.get());
        spec.get().text("budgetingMethod").filter(method -> !method.equals("Occurrences")).ifPresent(method -> diagnostics.error(
                spec.get().node("budgetingMethod").orElseThrow(), "budgetingMethod " + method + " is not supported: Probefleet budgets Occurrences"));
        int quorum = notes.integer(OpenSloNames.ALERT_QUORUM).orElse(Slo.DEFAULT_ALERT_QUORUM);
        int minEvents = notes.integer(OpenSloNames.MIN_EVENTS).orElse(Slo.DEFAULT_MIN_EVENTS);
        Optional<BusinessImpact> impact = notes.money(OpenSloNames.PER_PERCENT_OF_BURN).map(money -> new BusinessImpact(money.amount(),
                notes.text(OpenSloNames.CURRENCY).or(money::currency).orElse(BusinessImpact.DEFAULT_CURRENCY),
                notes.number(OpenSloNames.USERS_PER_HOUR)));
        OptionalDouble threshold = notes.ratio(OpenSloNames.NOTIFICATION_THRESHOLD);
        List<PathGlob> criticalPaths = notes.text(OpenSloNames.CRITICAL_PATHS).stream()
                .flatMap(text -> java.util.Arrays.stream(text.split(","))).map(String::trim).filter(glob -> !glob.isEmpty())
                .filter(glob -> PathGlob.problem(glob).map(problem -> {
                    diagnostics.error(metadata.get().node("annotations").orElseThrow(), OpenSloNames.CRITICAL_PATHS + ": " + problem);
                    return false;
                }).orElse(true))
                .map(PathGlob::new).toList();
        if (name.isEmpty() || indicator.isEmpty() || target.isEmpty() || diagnostics.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Slo(name.get(), spec.get().text("description").orElse(""), owner, indicator.get(), target.getAsDouble(), window,
                quorum, minEvents, notes.text(OpenSloNames.POLICY).orElse(Policy.DEFAULT_NAME), impact, threshold,
                Origin.of(diagnostics.file(), metadata.get().node("name").orElseThrow()), criticalPaths));
    }

    private static Optional<Indicator> indicator(Section spec, Annotations notes) {
        if (spec.has("indicatorRef")) {
            spec.diagnostics().error(spec.node("indicatorRef").orElseThrow(), "indicatorRef is not supported: write the indicator inline");
            return Optional.empty();
        }
        Optional<Section> ratio = spec.required("indicator", "'spec'").flatMap(node -> Section.of(node, spec.diagnostics(), "'indicator'"))
                .flatMap(indicator -> indicator.required("spec", "'indicator'").flatMap(node -> Section.of(node, spec.diagnostics(), "'spec'")))
                .flatMap(indicatorSpec -> indicatorSpec.required("ratioMetric", "the indicator's 'spec' (Probefleet reads ratio metrics)")
                        .flatMap(node -> Section.of(node, spec.diagnostics(), "'ratioMetric'")));
        if (ratio.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> good = query(ratio.get(), "good");
        Optional<String> total = query(ratio.get(), "total");
        if (notes.text(OpenSloNames.INDICATOR).orElse(Indicator.RATIO).equals(Indicator.JOURNEY)) {
            Optional<Duration> latency = notes.text(OpenSloNames.LATENCY_THRESHOLD).flatMap(Durations::parse);
            return notes.required(OpenSloNames.JOURNEY).map(journey -> new JourneyIndicator(journey, latency));
        }
        return good.isPresent() && total.isPresent() ? Optional.of(new RatioIndicator(good.get(), total.get())) : Optional.empty();
    }

    /** {@code good:} or {@code total:} → {@code metricSource: {type: Prometheus, spec: {query}}}, the query checked like ours. */
    private static Optional<String> query(Section ratio, String key) {
        Diagnostics diagnostics = ratio.diagnostics();
        Optional<Section> source = ratio.required(key, "'ratioMetric'").flatMap(node -> Section.of(node, diagnostics, "'" + key + "'"))
                .flatMap(part -> part.required("metricSource", "'" + key + "'").flatMap(node -> Section.of(node, diagnostics, "'metricSource'")));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String type = source.get().text("type").orElse(OpenSloNames.PROMETHEUS);
        if (!type.equals(OpenSloNames.PROMETHEUS)) {
            diagnostics.error(source.get().node("type").orElseThrow(), "metricSource type " + type + " is not supported: use Prometheus");
            return Optional.empty();
        }
        Optional<Section> querySpec = source.get().required("spec", "'metricSource'").flatMap(node -> Section.of(node, diagnostics, "'spec'"));
        Optional<String> query = querySpec.flatMap(part -> part.requiredText("query", "the metricSource's 'spec'"));
        Optional<String> problem = query.flatMap(PromQl::problem);
        problem.ifPresent(text -> diagnostics.error(querySpec.get().node("query").orElseThrow(), "'" + key + "' query " + text));
        return problem.isPresent() ? Optional.empty() : query;
    }

    private static OptionalDouble objective(Section spec) {
        Optional<List<Node>> objectives = spec.required("objectives", "'spec'").flatMap(node -> spec.list("objectives"));
        if (objectives.isEmpty() || objectives.get().isEmpty()) {
            return OptionalDouble.empty();
        }
        if (objectives.get().size() > 1) {
            spec.diagnostics().error(objectives.get().get(1), "one objective per SLO: Probefleet has one target");
            return OptionalDouble.empty();
        }
        Optional<Section> objective = Section.of(objectives.get().get(0), spec.diagnostics(), "an objective");
        OptionalDouble target = objective.filter(part -> part.required("target", "the objective").isPresent())
                .map(part -> part.number("target")).orElse(OptionalDouble.empty());
        if (target.isPresent() && !(target.getAsDouble() > 0 && target.getAsDouble() < 1)) {
            spec.diagnostics().error(objective.get().node("target").orElseThrow(), "target must be between 0 and 1 (exclusive)");
            return OptionalDouble.empty();
        }
        return target;
    }

    private static Duration window(Section spec) {
        Optional<Section> window = spec.list("timeWindow").filter(items -> !items.isEmpty())
                .flatMap(items -> Section.of(items.get(0), spec.diagnostics(), "a timeWindow"));
        if (window.isEmpty()) {
            return Slo.DEFAULT_WINDOW;
        }
        window.get().bool("isRolling").filter(rolling -> !rolling).ifPresent(calendar -> spec.diagnostics().error(
                window.get().node("isRolling").orElseThrow(), "calendar windows are not supported: Probefleet's windows roll"));
        Duration length = window.get().duration("duration").orElse(Slo.DEFAULT_WINDOW);
        if (!Slo.isSupportedWindow(length)) {
            spec.diagnostics().error(window.get().node("duration").orElseThrow(), "window " + Durations.format(length)
                    + " is not supported: use whole days from 1d to 90d, like 28d or 30d");
        }
        return length;
    }

    /** The metadata's annotations, each read and reported at its place. */
    private record Annotations(Optional<Section> section) {

        Optional<String> text(String key) {
            return section.flatMap(notes -> notes.text(key));
        }

        Optional<String> required(String key) {
            return section.isPresent() ? section.get().requiredText(key, "'annotations'") : Optional.empty();
        }

        Optional<Integer> integer(String key) {
            return section.flatMap(notes -> notes.node(key).isPresent() ? Optional.of(notes.integer(key))
                    .filter(java.util.OptionalInt::isPresent).map(java.util.OptionalInt::getAsInt) : Optional.empty());
        }

        OptionalDouble number(String key) {
            return section.map(notes -> notes.number(key)).orElse(OptionalDouble.empty());
        }

        OptionalDouble ratio(String key) {
            return section.map(notes -> notes.ratio(key)).orElse(OptionalDouble.empty());
        }

        Optional<Money> money(String key) {
            Optional<Money> money = text(key).flatMap(Money::parse);
            if (text(key).isPresent() && money.isEmpty()) {
                section.get().diagnostics().error(section.get().node(key).orElseThrow(), "'" + key + "' must be an amount like 45000, not '"
                        + text(key).get() + "'");
            }
            return money;
        }
    }
}
