package org.probefleet.journeys.yaml;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.probefleet.journeys.model.Durations;
import org.probefleet.journeys.model.Ratios;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read key by key. Every wrong type, missing key or unknown key becomes a
 * problem at the exact node (its SnakeYAML start mark), and the read goes on so all of a
 * file's problems are reported at once.
 */
public final class Section {

    private final Node mapping;
    private final Diagnostics diagnostics;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Map<String, Optional<Section>> children = new LinkedHashMap<>();
    /** Known keys offered as "did you mean" for a misspelling: their absence is already reported. */
    private final java.util.Set<String> suggested = new java.util.HashSet<>();

    private Section(MappingNode mapping, Diagnostics diagnostics) {
        this.mapping = mapping;
        this.diagnostics = diagnostics;
        for (NodeTuple tuple : mapping.getValue()) {
            Node key = tuple.getKeyNode();
            if (!(key instanceof ScalarNode scalarKey)) {
                diagnostics.error(key, "keys must be plain words, not " + describe(key));
                continue;
            }
            NodeTuple first = entries.putIfAbsent(scalarKey.getValue(), tuple);
            if (first != null) {
                diagnostics.error(key, "key '" + scalarKey.getValue() + "' appears twice (first at line "
                        + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
            }
        }
    }

    /** Reads {@code node} as a mapping, or reports that {@code what} must be one. */
    public static Optional<Section> of(Node node, Diagnostics diagnostics, String what) {
        if (node instanceof MappingNode mappingNode) {
            return Optional.of(new Section(mappingNode, diagnostics));
        }
        diagnostics.error(node, what + " must be a mapping of keys (key: value), not " + describe(node));
        return Optional.empty();
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public Node at() {
        return mapping;
    }

    public Collection<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Reports each key not in {@code known}, with the nearest known key as a suggestion. */
    public void allowOnly(Collection<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                Suggestions.closest(key, known).ifPresent(suggested::add);
                String hint = Suggestions.hint(key, known);
                String message = hint.isEmpty()
                        ? "unknown key '" + key + "': expected one of " + String.join(", ", known)
                        : "unknown key '" + key + "'" + hint;
                diagnostics.error(entry.getValue().getKeyNode(), message);
            }
        }
    }

    public Optional<Node> node(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    public Optional<Node> keyNode(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** Reports that {@code key} is required when it is absent; returns its value node otherwise. */
    public Optional<Node> required(String key, String what) {
        Optional<Node> value = node(key);
        if (value.isEmpty() && !suggested.contains(key)) {
            diagnostics.error(mapping, what + " is missing '" + key + "'");
        }
        return value;
    }

    public Optional<String> text(String key) {
        return node(key).flatMap(value -> text(value, diagnostics, key));
    }

    public Optional<String> requiredText(String key, String what) {
        return required(key, what).flatMap(value -> text(value, diagnostics, key));
    }

    public Optional<Duration> duration(String key) {
        return node(key).flatMap(value -> duration(value, diagnostics, key));
    }

    public OptionalDouble number(String key) {
        Optional<Node> value = node(key);
        return value.isEmpty() ? OptionalDouble.empty() : number(value.get(), diagnostics, key);
    }

    public OptionalInt integer(String key) {
        Optional<Node> value = node(key);
        return value.isEmpty() ? OptionalInt.empty() : integer(value.get(), diagnostics, key);
    }

    /** A ratio written as a percentage ({@code 20%}) or a fraction ({@code 0.2}). */
    public OptionalDouble ratio(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        Optional<String> raw = text(value.get(), diagnostics, key);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble parsed = Ratios.parse(raw.get());
        if (parsed.isEmpty()) {
            diagnostics.error(value.get(), "'" + key + "' must be a percentage like 20% or a fraction like 0.2, not '"
                    + raw.get() + "'");
        }
        return parsed;
    }

    public Optional<Boolean> bool(String key) {
        return node(key).flatMap(value -> text(value, diagnostics, key).flatMap(raw -> {
            if (raw.equals("true") || raw.equals("false")) {
                return Optional.of(Boolean.parseBoolean(raw));
            }
            diagnostics.error(value, "'" + key + "' must be true or false, not '" + raw + "'");
            return Optional.empty();
        }));
    }

    /** The mapping under {@code key}; read once, so its problems are reported once however often it is asked for. */
    public Optional<Section> section(String key) {
        return children.computeIfAbsent(key, k -> node(k).flatMap(value -> of(value, diagnostics, "'" + k + "'")));
    }

    /** A list; a single scalar is reported, since YAML lists are written [a, b] or with dashes. */
    public Optional<List<Node>> list(String key) {
        return node(key).flatMap(value -> {
            if (value instanceof SequenceNode sequence) {
                return Optional.of(sequence.getValue());
            }
            diagnostics.error(value, "'" + key + "' must be a list, like [a, b], not " + describe(value));
            return Optional.empty();
        });
    }

    public static Optional<String> text(Node node, Diagnostics diagnostics, String what) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().getValue().endsWith(":null") && scalar.getValue().isEmpty()) {
                diagnostics.error(node, "'" + what + "' has no value");
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        diagnostics.error(node, "'" + what + "' must be a single value, not " + describe(node));
        return Optional.empty();
    }

    public static Optional<Duration> duration(Node node, Diagnostics diagnostics, String what) {
        return text(node, diagnostics, what).flatMap(raw -> {
            Optional<Duration> parsed = Durations.parse(raw);
            if (parsed.isEmpty()) {
                diagnostics.error(node, "bad duration '" + raw + "' for '" + what
                        + "': write a number and a unit (ms, s, m, h, d), like 500ms, 30s or 1h30m");
            }
            return parsed;
        });
    }

    public static OptionalDouble number(Node node, Diagnostics diagnostics, String what) {
        Optional<String> raw = text(node, diagnostics, what);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(raw.get().replace("_", ""));
            if (Double.isFinite(value)) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        diagnostics.error(node, "'" + what + "' must be a number, not '" + raw.get() + "'");
        return OptionalDouble.empty();
    }

    public static OptionalInt integer(Node node, Diagnostics diagnostics, String what) {
        Optional<String> raw = text(node, diagnostics, what);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(raw.get()));
        } catch (NumberFormatException e) {
            diagnostics.error(node, "'" + what + "' must be a whole number, not '" + raw.get() + "'");
            return OptionalInt.empty();
        }
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
