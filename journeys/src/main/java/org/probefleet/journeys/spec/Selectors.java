package org.probefleet.journeys.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.probefleet.journeys.model.Selector;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;
import org.probefleet.journeys.yaml.Suggestions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads element selectors: {@code {role: button, name: "Pay"}}, {@code {label: Email}}, … or a bare text. */
final class Selectors {

    static final List<String> KINDS = List.of("role", "text", "label", "placeholder", "test_id", "css");

    private Selectors() {
    }

    /** The selector keys plus {@code extra} (a fill's value, a count's equals) are allowed in the mapping. */
    static List<String> keysWith(String... extra) {
        return Stream.concat(Stream.concat(KINDS.stream(), Stream.of("name")), Stream.of(extra)).toList();
    }

    /** Reads a selector from a bare text (a text selector) or from a mapping already checked for unknown keys. */
    static Optional<Selector> read(Node node, Diagnostics diagnostics, String what) {
        if (node instanceof ScalarNode) {
            return Section.text(node, diagnostics, what).flatMap(text -> nonEmpty(node, diagnostics, what, text))
                    .map(Selector.Text::new);
        }
        return Section.of(node, diagnostics, what).flatMap(section -> read(section, what));
    }

    static Optional<Selector> read(Section section, String what) {
        Diagnostics diagnostics = section.diagnostics();
        List<String> present = new ArrayList<>(KINDS.stream().filter(section::has).toList());
        if (present.isEmpty()) {
            diagnostics.error(section.at(), what + " needs a selector: one of " + String.join(", ", KINDS));
            return Optional.empty();
        }
        if (present.size() > 1) {
            diagnostics.error(section.at(), what + " has " + String.join(" and ", present)
                    + ": give exactly one selector");
            return Optional.empty();
        }
        String kind = present.get(0);
        Node valueNode = section.node(kind).orElseThrow();
        if (section.has("name") && !kind.equals("role")) {
            diagnostics.error(section.keyNode("name").orElseThrow(), "'name' narrows a role selector; "
                    + "with " + kind + " leave it out");
        }
        Optional<String> value = section.text(kind).flatMap(text -> nonEmpty(valueNode, diagnostics, "'" + kind + "'", text));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        return switch (kind) {
            case "role" -> role(section, valueNode, text);
            case "text" -> Optional.of(new Selector.Text(text));
            case "label" -> Optional.of(new Selector.Label(text));
            case "placeholder" -> Optional.of(new Selector.Placeholder(text));
            case "test_id" -> Optional.of(new Selector.TestId(text));
            default -> css(diagnostics, valueNode, text);
        };
    }

    private static Optional<Selector> role(Section section, Node at, String role) {
        if (!AriaRoles.ALL.contains(role)) {
            section.diagnostics().error(at, "unknown ARIA role '" + role + "'"
                    + Suggestions.hint(role, AriaRoles.ALL) + "; common ones: button, link, textbox, heading, checkbox");
            return Optional.empty();
        }
        return Optional.of(new Selector.Role(role, section.text("name").orElse(null)));
    }

    /** Catches the CSS mistakes that otherwise only show up at run time: unbalanced brackets and quotes. */
    private static Optional<Selector> css(Diagnostics diagnostics, Node at, String css) {
        Optional<String> problem = cssProblem(css);
        if (problem.isPresent()) {
            diagnostics.error(at, "malformed CSS selector '" + css + "': " + problem.get());
            return Optional.empty();
        }
        return Optional.of(new Selector.Css(css));
    }

    static Optional<String> cssProblem(String css) {
        StringBuilder open = new StringBuilder();
        char quote = 0;
        for (char c : css.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '(') {
                open.append(c);
            } else if (c == ']' || c == ')') {
                char expected = c == ']' ? '[' : '(';
                if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
                    return Optional.of("'" + c + "' has no matching '" + expected + "'");
                }
                open.setLength(open.length() - 1);
            }
        }
        if (quote != 0) {
            return Optional.of("unclosed " + quote + " quote");
        }
        if (!open.isEmpty()) {
            return Optional.of("unclosed '" + open.charAt(open.length() - 1) + "'");
        }
        Set<Character> trailing = Set.of('>', '+', '~', ',');
        if (trailing.contains(css.trim().charAt(css.trim().length() - 1))) {
            return Optional.of("it ends with a combinator");
        }
        return Optional.empty();
    }

    private static Optional<String> nonEmpty(Node at, Diagnostics diagnostics, String what, String text) {
        if (text.isBlank()) {
            diagnostics.error(at, what + " is empty");
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
