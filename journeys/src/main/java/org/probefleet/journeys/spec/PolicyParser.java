package org.probefleet.journeys.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.PolicyState;
import org.probefleet.journeys.model.Ratios;
import org.probefleet.journeys.model.Releases;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Origin;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a {@code policy:} document: states with rising thresholds, each with rules and a release decision. */
public final class PolicyParser {

    public static final List<String> KEYS = List.of("name", "description", "states");
    static final List<String> STATE_KEYS = List.of("state", "from", "releases", "rules");

    private PolicyParser() {
    }

    public static Optional<Policy> parse(Section doc) {
        Diagnostics diagnostics = doc.diagnostics();
        int before = diagnostics.count();
        Optional<Section> body = doc.section("policy");
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Section fields = body.get();
        fields.allowOnly(KEYS);
        Optional<String> name = fields.requiredText("name", "policy")
                .filter(text -> Ids.check(fields.node("name").orElseThrow(), text, diagnostics, "policy name"));
        List<PolicyState> states = new ArrayList<>();
        fields.required("states", "policy");
        fields.list("states").ifPresent(nodes -> {
            if (nodes.isEmpty()) {
                diagnostics.error(fields.node("states").orElseThrow(), "'states' is empty: a policy needs at least one state");
            }
            for (Node node : nodes) {
                Section.of(node, diagnostics, "a state").ifPresent(section -> state(section).ifPresent(state -> {
                    checkRising(states, state, section.node("from").orElse(node), diagnostics);
                    states.add(state);
                }));
            }
        });
        if (name.isEmpty() || states.isEmpty() || diagnostics.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new Policy(name.get(), fields.text("description").orElse(""), states,
                Origin.of(diagnostics.file(), fields.node("name").orElseThrow())));
    }

    private static void checkRising(List<PolicyState> earlier, PolicyState state, Node from, Diagnostics diagnostics) {
        if (earlier.isEmpty() && state.from() != 0.0) {
            diagnostics.error(from, "the first state must start from 0%, not " + Ratios.percent(state.from()));
        } else if (!earlier.isEmpty() && state.from() <= earlier.get(earlier.size() - 1).from()) {
            PolicyState previous = earlier.get(earlier.size() - 1);
            diagnostics.error(from, "thresholds must rise: " + state.name() + " starts at " + Ratios.percent(state.from())
                    + ", not above " + previous.name() + " at " + Ratios.percent(previous.from()));
        }
    }

    private static Optional<PolicyState> state(Section fields) {
        Diagnostics diagnostics = fields.diagnostics();
        fields.allowOnly(STATE_KEYS);
        Optional<String> name = fields.requiredText("state", "a state").filter(text -> {
            if (text.matches("[A-Z][A-Z0-9_]*")) {
                return true;
            }
            diagnostics.error(fields.node("state").orElseThrow(), "state name '" + text + "' must be upper case, like CAUTION");
            return false;
        });
        OptionalDouble from = fields.required("from", "state").isPresent() ? fields.ratio("from") : OptionalDouble.empty();
        if (from.isPresent() && from.getAsDouble() < 0) {
            diagnostics.error(fields.node("from").orElseThrow(), "'from' must be 0% or more");
            return Optional.empty();
        }
        Optional<Releases> releases = fields.has("releases")
                ? Choices.read(fields, "releases", Releases.class)
                : Optional.of(Releases.ALLOWED);
        List<String> rules = new ArrayList<>();
        fields.list("rules").ifPresent(items -> items.forEach(item -> Section.text(item, diagnostics, "rules").ifPresent(rules::add)));
        if (name.isEmpty() || from.isEmpty() || releases.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PolicyState(name.get(), from.getAsDouble(), releases.get(), rules));
    }
}
