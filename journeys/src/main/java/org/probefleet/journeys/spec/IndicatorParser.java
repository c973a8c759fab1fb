package org.probefleet.journeys.spec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.probefleet.journeys.model.Indicator;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.LatencyBuckets;
import org.probefleet.journeys.model.Names;
import org.probefleet.journeys.model.RatioIndicator;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/** Reads an SLO's {@code indicator:} by its {@code type}: journey (the default), ratio or rum. */
final class IndicatorParser {

    static final List<String> TYPES = List.of(Indicator.JOURNEY, Indicator.RATIO, Indicator.RUM);

    private IndicatorParser() {
    }

    static Optional<Indicator> parse(Section fields) {
        String type = fields.text("type").orElse(Indicator.JOURNEY);
        return switch (type) {
            case Indicator.JOURNEY -> journey(fields);
            case Indicator.RATIO -> ratio(fields);
            case Indicator.RUM -> rum(fields);
            default -> {
                fields.diagnostics().error(fields.node("type").orElseThrow(), "indicator type '" + type + "' is not known: use "
                        + String.join(", ", TYPES.subList(0, TYPES.size() - 1)) + " or " + TYPES.get(TYPES.size() - 1));
                yield Optional.empty();
            }
        };
    }

    private static Optional<Indicator> journey(Section fields) {
        fields.allowOnly(List.of("type", "journey", "latency_threshold"));
        Optional<Duration> threshold = fields.duration("latency_threshold");
        threshold.filter(Duration::isZero).ifPresent(zero -> fields.diagnostics().error(
                fields.node("latency_threshold").orElseThrow(), "latency_threshold must be more than 0s"));
        threshold.filter(limit -> !limit.isZero()).flatMap(LatencyBuckets::problem).ifPresent(problem -> fields.diagnostics().error(
                fields.node("latency_threshold").orElseThrow(), problem));
        return fields.requiredText("journey", "'indicator'").map(journey -> new JourneyIndicator(journey, threshold));
    }

    private static Optional<Indicator> ratio(Section fields) {
        fields.allowOnly(List.of("type", "numerator", "denominator"));
        Optional<String> numerator = query(fields, "numerator");
        Optional<String> denominator = query(fields, "denominator");
        return numerator.isPresent() && denominator.isPresent()
                ? Optional.of(new RatioIndicator(numerator.get(), denominator.get())) : Optional.empty();
    }

    private static Optional<Indicator> rum(Section fields) {
        fields.allowOnly(List.of("type", "journey"));
        Optional<String> journey = fields.requiredText("journey", "a rum 'indicator'");
        journey.filter(name -> !Names.isId(name)).ifPresent(name -> fields.diagnostics().error(fields.node("journey").orElseThrow(),
                "rum journey '" + name + "' must be lower-case letters, digits and dashes, like checkout"));
        return journey.filter(Names::isId).map(RumIndicator::new);
    }

    private static Optional<String> query(Section fields, String key) {
        Optional<String> text = fields.requiredText(key, "a ratio 'indicator'");
        Optional<String> problem = text.flatMap(PromQl::problem);
        if (problem.isPresent()) {
            Node at = fields.node(key).orElseThrow();
            fields.diagnostics().error(at, "'" + key + "' query " + problem.get());
            return Optional.empty();
        }
        return text;
    }
}
