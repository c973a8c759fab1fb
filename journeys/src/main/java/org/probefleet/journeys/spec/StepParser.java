package org.probefleet.journeys.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.model.Expectation;
import org.probefleet.journeys.model.Kind;
import org.probefleet.journeys.model.Selector;
import org.probefleet.journeys.model.Step;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;
import org.probefleet.journeys.yaml.Suggestions;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a journey's {@code steps:} list; HTTP steps live in {@link HttpStepParser}. */
final class StepParser {

    static final List<String> BROWSER_ACTIONS = List.of("goto", "click", "fill", "press", "select", "expect");
    static final List<String> EXPECTATIONS = List.of("text", "url", "title", "visible", "count");

    private final Diagnostics diagnostics;
    private final Kind kind;
    private final HttpStepParser http;
    private final Map<String, Node> names = new LinkedHashMap<>();

    StepParser(Diagnostics diagnostics, Kind kind) {
        this.diagnostics = diagnostics;
        this.kind = kind;
        this.http = new HttpStepParser(diagnostics);
    }

    List<Step> parse(List<Node> nodes) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            int number = i + 1;
            Section.of(nodes.get(i), diagnostics, "step " + number)
                    .flatMap(section -> step(section, number))
                    .ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<Step> step(Section section, int number) {
        Optional<String> explicitName = section.text("name");
        List<String> actions = kind == Kind.BROWSER ? BROWSER_ACTIONS : HttpStepParser.KEYS;
        Set<String> known = new LinkedHashSet<>(actions);
        known.add("name");
        List<String> present = actions.stream().filter(section::has).toList();
        for (String key : section.keys()) {
            if (!known.contains(key)) {
                unknownKey(section, key, present.isEmpty(), actions);
            }
        }
        Optional<Step> step;
        if (kind == Kind.HTTP) {
            step = section.has("request") ? http.parse(section, explicitName.orElse(null)) : missingAction(section, number, List.of("request"));
        } else if (present.size() > 1) {
            diagnostics.error(section.at(), "step " + number + " does " + String.join(" and ", present)
                    + ": a step does one thing, so split it into " + present.size() + " steps");
            step = Optional.empty();
        } else if (present.isEmpty()) {
            step = missingAction(section, number, actions);
        } else {
            step = browserStep(section, present.get(0), explicitName.orElse(null));
        }
        step.ifPresent(parsed -> uniqueName(section, parsed));
        return step;
    }

    private void unknownKey(Section section, String key, boolean noAction, List<String> actions) {
        Node at = section.keyNode(key).orElseThrow();
        if (kind == Kind.HTTP && BROWSER_ACTIONS.contains(key) && !key.equals("expect")) {
            diagnostics.error(at, "'" + key + "' is a browser step, but this journey is kind: http; "
                    + "an http step has " + String.join(", ", HttpStepParser.KEYS));
        } else if (kind == Kind.BROWSER && HttpStepParser.KEYS.contains(key)) {
            diagnostics.error(at, "'" + key + "' belongs to http journeys; set kind: http or use "
                    + String.join(", ", BROWSER_ACTIONS));
        } else if (noAction) {
            diagnostics.error(at, "unknown step kind '" + key + "'" + Suggestions.hint(key, actions)
                    + ": a " + kind.name().toLowerCase() + " step is one of " + String.join(", ", actions));
        } else {
            diagnostics.error(at, "unknown key '" + key + "'" + Suggestions.hint(key, actions));
        }
    }

    private Optional<Step> missingAction(Section section, int number, List<String> actions) {
        if (section.keys().stream().allMatch(key -> key.equals("name"))) {
            diagnostics.error(section.at(), "step " + number + " has no action: add one of " + String.join(", ", actions));
        }
        return Optional.empty();
    }

    private void uniqueName(Section section, Step step) {
        Node at = section.node("name").orElse(section.at());
        Node first = names.putIfAbsent(step.name(), at);
        if (first != null) {
            diagnostics.error(at, "step name '" + step.name() + "' is already used at line "
                    + (first.getStartMark().getLine() + 1) + ": step names label metrics, so make them unique");
        }
    }

    private Optional<Step> browserStep(Section section, String action, String explicitName) {
        Node value = section.node(action).orElseThrow();
        Optional<Step> step = switch (action) {
            case "goto" -> Section.text(value, diagnostics, "goto").flatMap(url -> gotoStep(value, url));
            case "click" -> Selectors.read(value, diagnostics, "'click'").map(target -> new Step.Click("", target));
            case "fill" -> fill(value);
            case "press" -> targeted(value, "press", "key").map(pair -> new Step.Press("", pair.target(), pair.text()));
            case "select" -> targeted(value, "select", "option").map(pair -> new Step.Choose("", pair.target(), pair.text()));
            default -> expect(value);
        };
        return step.map(parsed -> named(parsed, explicitName));
    }

    private Optional<Step> gotoStep(Node at, String url) {
        if (!(url.startsWith("/") || url.startsWith("http://") || url.startsWith("https://") || url.startsWith("${"))) {
            diagnostics.error(at, "goto '" + url + "' must be a path starting with / or an http(s) URL");
            return Optional.empty();
        }
        return Templates.check(at, url, diagnostics, List.of()).map(template -> new Step.Goto("", url));
    }

    private Optional<Step> fill(Node value) {
        return targeted(value, "fill", "value").map(pair -> new Step.Fill("", pair.target(), pair.text()));
    }

    private record Targeted(Selector target, String text) {
    }

    /** A selector mapping with one more required text key (fill's value, press's key, select's option). */
    private Optional<Targeted> targeted(Node value, String action, String textKey) {
        Optional<Section> section = Section.of(value, diagnostics, "'" + action + "'");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section fields = section.get();
        fields.allowOnly(Selectors.keysWith(textKey));
        Optional<Selector> target = Selectors.read(fields, "'" + action + "'");
        Optional<String> text = fields.requiredText(textKey, "'" + action + "'");
        if (text.isPresent() && Templates.check(fields.node(textKey).orElseThrow(), text.get(), diagnostics, List.of()).isEmpty()) {
            return Optional.empty();
        }
        return target.isPresent() && text.isPresent() ? Optional.of(new Targeted(target.get(), text.get())) : Optional.empty();
    }

    private Optional<Step> expect(Node value) {
        Optional<Section> section = Section.of(value, diagnostics, "'expect'");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section fields = section.get();
        List<String> allowed = new ArrayList<>(EXPECTATIONS);
        allowed.add("within");
        fields.allowOnly(allowed);
        List<String> present = EXPECTATIONS.stream().filter(fields::has).toList();
        if (present.size() != 1) {
            diagnostics.error(fields.at(), present.isEmpty()
                    ? "'expect' needs one of " + String.join(", ", EXPECTATIONS)
                    : "'expect' has " + String.join(" and ", present) + ": one expectation per step");
            return Optional.empty();
        }
        var within = fields.duration("within");
        String kind = present.get(0);
        Node node = fields.node(kind).orElseThrow();
        Optional<Expectation> expectation = switch (kind) {
            case "text" -> Section.text(node, diagnostics, kind).map(Expectation.TextVisible::new);
            case "url" -> Section.text(node, diagnostics, kind).map(Expectation.UrlMatches::new);
            case "title" -> Section.text(node, diagnostics, kind).map(Expectation.TitleContains::new);
            case "visible" -> Selectors.read(node, diagnostics, "'visible'").map(Expectation.Visible::new);
            default -> count(node);
        };
        return expectation.map(parsed -> new Step.Expect("", parsed, within));
    }

    private Optional<Expectation> count(Node node) {
        return Section.of(node, diagnostics, "'count'").flatMap(fields -> {
            fields.allowOnly(Selectors.keysWith("equals", "selector"));
            Optional<Selector> target = countTarget(fields);
            var equals = fields.required("equals", "'count'").isPresent() ? fields.integer("equals") : java.util.OptionalInt.empty();
            if (equals.isPresent() && equals.getAsInt() < 0) {
                diagnostics.error(fields.node("equals").orElseThrow(), "'equals' must not be negative");
                return Optional.empty();
            }
            return target.isPresent() && equals.isPresent()
                    ? Optional.of(new Expectation.Count(target.get(), equals.getAsInt()))
                    : Optional.empty();
        });
    }

    /**
     * A count's selector, written inline ({@code count: {css: li, equals: 2}}) or nested
     * ({@code count: {selector: {css: li}, equals: 2}}): both read the same.
     */
    private Optional<Selector> countTarget(Section fields) {
        Optional<Node> nested = fields.node("selector");
        if (nested.isEmpty()) {
            return Selectors.read(fields, "'count'");
        }
        List<String> inline = Selectors.KINDS.stream().filter(fields::has).toList();
        if (!inline.isEmpty()) {
            diagnostics.error(fields.keyNode(inline.get(0)).orElseThrow(), "'count' has both 'selector' and '" + inline.get(0)
                    + "': give the selector once, inline or under 'selector'");
            return Optional.empty();
        }
        return Selectors.read(nested.get(), diagnostics, "'selector'");
    }

    /** Gives a step its written name, or a readable one derived from what it does. */
    private static Step named(Step step, String name) {
        return step.withName(name != null ? name : step.describe());
    }
}
