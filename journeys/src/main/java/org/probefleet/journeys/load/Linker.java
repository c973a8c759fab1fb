package org.probefleet.journeys.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.spec.JourneyParser;
import org.probefleet.journeys.spec.PolicyParser;
import org.probefleet.journeys.spec.SloParser;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Origin;
import org.probefleet.journeys.yaml.Problem;
import org.probefleet.journeys.yaml.Section;
import org.probefleet.journeys.yaml.Suggestions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Parses classified documents and checks what spans files: duplicate ids (the first
 * declaration wins and the later one names it) and SLOs naming journeys and policies.
 */
final class Linker {

    private final List<Document> documents;
    private final Map<String, Origin> declaredJourneys = new HashMap<>();

    Linker(List<Document> documents) {
        this.documents = documents;
    }

    LoadResult link(List<Diagnostics> diagnostics) {
        for (Document document : documents) {
            if (document.type() == Document.Type.JOURNEY) {
                declaredId(document.section(), "journey").ifPresent(origin -> declaredJourneys.putIfAbsent(
                        ((ScalarNode) document.section().node("journey").orElseThrow()).getValue(), origin));
            }
        }
        List<Journey> journeys = values(unique(parse(Document.Type.JOURNEY, JourneyParser::parse), Journey::id,
                Journey::origin, "journey"));
        List<Policy> policies = new ArrayList<>(values(unique(parse(Document.Type.POLICY, PolicyParser::parse),
                Policy::name, Policy::origin, "policy")));
        if (policies.stream().noneMatch(policy -> policy.name().equals(Policy.DEFAULT_NAME))) {
            policies.add(0, Policy.DEFAULT);
        }
        Map<String, Journey> journeysById = new LinkedHashMap<>();
        journeys.forEach(journey -> journeysById.put(journey.id(), journey));
        Set<String> policyNames = new LinkedHashSet<>(policies.stream().map(Policy::name).toList());
        List<Slo> slos = new ArrayList<>();
        for (Parsed<Slo> slo : unique(parse(Document.Type.SLO, SloParser::parse), Slo::name, Slo::origin, "SLO")) {
            resolve(slo.value(), slo.section(), journeysById, policyNames).ifPresent(slos::add);
        }
        List<Problem> problems = new ArrayList<>();
        diagnostics.forEach(file -> problems.addAll(file.problems()));
        return new LoadResult(new Definitions(journeys, slos, policies), problems);
    }

    private <T> List<Parsed<T>> parse(Document.Type type, Function<Section, Optional<T>> parser) {
        List<Parsed<T>> parsed = new ArrayList<>();
        for (Document document : documents) {
            if (document.type() == type) {
                parser.apply(document.section()).ifPresent(value -> parsed.add(new Parsed<>(value, document.section())));
            }
        }
        return parsed;
    }

    private record Parsed<T>(T value, Section section) {
    }

    private static <T> List<T> values(List<Parsed<T>> parsed) {
        return parsed.stream().map(Parsed::value).toList();
    }

    private static <T> List<Parsed<T>> unique(List<Parsed<T>> parsed, Function<T, String> id, Function<T, Origin> origin,
                                              String what) {
        Map<String, Origin> first = new HashMap<>();
        List<Parsed<T>> kept = new ArrayList<>();
        for (Parsed<T> item : parsed) {
            String key = id.apply(item.value());
            Origin here = origin.apply(item.value());
            Origin earlier = first.putIfAbsent(key, here);
            if (earlier == null) {
                kept.add(item);
            } else {
                item.section().diagnostics().error(here.line(), here.column(),
                        what + " '" + key + "' is already defined at " + earlier + ": ids must be unique across files");
            }
        }
        return kept;
    }

    /** The SLO with its references checked and its owner defaulted to its journey's, when it measures one. */
    private Optional<Slo> resolve(Slo slo, Section document, Map<String, Journey> journeys, Set<String> policies) {
        Section section = document.section("slo").orElse(document);
        Diagnostics diagnostics = section.diagnostics();
        Optional<String> journeyId = slo.indicator().measuredJourney();
        Journey journey = journeyId.map(journeys::get).orElse(null);
        boolean ok = true;
        if (journeyId.isPresent() && journey == null && !declaredJourneys.containsKey(journeyId.get())) {
            Node at = section.section("indicator").flatMap(indicator -> indicator.node("journey")).orElse(section.at());
            diagnostics.error(at, "SLO '" + slo.name() + "' measures journey '" + journeyId.get() + "', which is not defined"
                    + Suggestions.hint(journeyId.get(), declaredJourneys.keySet()));
            ok = false;
        }
        if (!policies.contains(slo.policy())) {
            diagnostics.error(section.node("policy").orElse(section.at()), "policy '" + slo.policy() + "' is not defined"
                    + Suggestions.hint(slo.policy(), policies) + "; known policies: " + String.join(", ", policies));
            ok = false;
        }
        if (!ok || (journeyId.isPresent() && journey == null)) {
            return Optional.empty();
        }
        return Optional.of(slo.owner().isEmpty() && journey != null ? slo.withOwner(journey.owner()) : slo);
    }

    private static Optional<Origin> declaredId(Section section, String key) {
        return section.node(key).filter(node -> node instanceof ScalarNode)
                .map(node -> Origin.of(section.diagnostics().file(), node));
    }
}
