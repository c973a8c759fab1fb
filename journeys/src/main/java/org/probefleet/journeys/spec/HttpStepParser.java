package org.probefleet.journeys.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.model.HttpExpect;
import org.probefleet.journeys.model.HttpRequest;
import org.probefleet.journeys.model.JsonPath;
import org.probefleet.journeys.model.Step;
import org.probefleet.journeys.yaml.Diagnostics;
import org.probefleet.journeys.yaml.Section;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads HTTP steps: {@code request}, {@code expect} and {@code extract}. Remembers what earlier
 * steps extracted, so a {@code ${var}} nobody extracted is a load error.
 */
final class HttpStepParser {

    static final List<String> KEYS = List.of("request", "expect", "extract");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final Diagnostics diagnostics;
    private final Set<String> variables = new LinkedHashSet<>();

    HttpStepParser(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Step> parse(Section step, String explicitName) {
        Optional<HttpRequest> request = step.section("request").flatMap(this::request);
        HttpExpect expect = step.section("expect").map(this::expect).orElse(HttpExpect.ANY_SUCCESS);
        Map<String, String> extract = step.section("extract").map(this::extract).orElse(Map.of());
        variables.addAll(extract.keySet());
        return request.map(parsed -> new Step.Request(
                explicitName != null ? explicitName : parsed.method() + " " + parsed.path(), parsed, expect, extract));
    }

    private Optional<HttpRequest> request(Section fields) {
        fields.allowOnly(List.of("method", "path", "headers", "json", "body"));
        String method = fields.text("method").map(text -> text.toUpperCase(Locale.ROOT)).orElse("GET");
        if (!METHODS.contains(method)) {
            diagnostics.error(fields.node("method").orElseThrow(), "unknown HTTP method '" + method + "': use one of "
                    + String.join(", ", METHODS.stream().sorted().toList()));
        }
        Optional<String> path = fields.requiredText("path", "'request'");
        path.ifPresent(text -> {
            Node at = fields.node("path").orElseThrow();
            if (!(text.startsWith("/") || text.startsWith("http://") || text.startsWith("https://") || text.startsWith("${"))) {
                diagnostics.error(at, "path '" + text + "' must start with / or be an http(s) URL");
            }
            Templates.check(at, text, diagnostics, variables);
        });
        Map<String, String> headers = new LinkedHashMap<>();
        fields.section("headers").ifPresent(section -> {
            for (String name : section.keys()) {
                section.text(name).ifPresent(value -> {
                    Templates.check(section.node(name).orElseThrow(), value, diagnostics, variables);
                    headers.put(name, value);
                });
            }
        });
        Optional<Object> json = fields.node("json").map(this::json);
        Optional<String> body = fields.text("body");
        body.ifPresent(text -> Templates.check(fields.node("body").orElseThrow(), text, diagnostics, variables));
        if (json.isPresent() && body.isPresent()) {
            diagnostics.error(fields.keyNode("body").orElseThrow(), "a request has 'json' or 'body', not both");
            return Optional.empty();
        }
        return path.filter(text -> METHODS.contains(method))
                .map(text -> new HttpRequest(method, text, headers, json, body));
    }

    /** The YAML value as JSON-ready maps, lists and scalars; texts may hold references. */
    private Object json(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Section.text(tuple.getKeyNode(), diagnostics, "json key").ifPresent(key -> object.put(key, json(tuple.getValueNode())));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> array = new ArrayList<>();
            sequence.getValue().forEach(item -> array.add(json(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        String tag = scalar.getTag().getValue();
        String value = scalar.getValue();
        if (tag.endsWith(":int")) {
            return Long.parseLong(value.replace("_", ""));
        }
        if (tag.endsWith(":float")) {
            return Double.parseDouble(value);
        }
        if (tag.endsWith(":bool")) {
            return Boolean.parseBoolean(value);
        }
        if (tag.endsWith(":null")) {
            return null;
        }
        Templates.check(node, value, diagnostics, variables);
        return value;
    }

    private HttpExpect expect(Section fields) {
        fields.allowOnly(List.of("status", "json_path", "body_contains", "max_latency"));
        var status = fields.integer("status");
        if (status.isPresent() && (status.getAsInt() < 100 || status.getAsInt() > 599)) {
            diagnostics.error(fields.node("status").orElseThrow(), "status " + status.getAsInt() + " is not an HTTP status (100-599)");
        }
        Map<String, Object> jsonPath = new LinkedHashMap<>();
        fields.node("json_path").ifPresent(node -> readJsonPaths(node, jsonPath));
        return new HttpExpect(status.isPresent() ? Optional.of(status.getAsInt()) : Optional.empty(), jsonPath,
                fields.text("body_contains"), fields.duration("max_latency"));
    }

    /** Either {@code {path: expected}} or a list of paths that must exist. */
    private void readJsonPaths(Node node, Map<String, Object> into) {
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Section.text(item, diagnostics, "json_path").filter(path -> validPath(item, path))
                        .ifPresent(path -> into.put(path, HttpExpect.EXISTS));
            }
            return;
        }
        Section.of(node, diagnostics, "'json_path'").ifPresent(section -> {
            for (String path : section.keys()) {
                Node keyNode = section.keyNode(path).orElseThrow();
                if (validPath(keyNode, path)) {
                    section.text(path).ifPresent(expected -> into.put(path, expected));
                }
            }
        });
    }

    private Map<String, String> extract(Section fields) {
        Map<String, String> extract = new LinkedHashMap<>();
        for (String variable : fields.keys()) {
            Node keyNode = fields.keyNode(variable).orElseThrow();
            if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                diagnostics.error(keyNode, "variable name '" + variable + "' must be letters, digits and _, like cart_id");
                continue;
            }
            fields.text(variable).filter(path -> validPath(fields.node(variable).orElseThrow(), path))
                    .ifPresent(path -> extract.put(variable, path));
        }
        return extract;
    }

    private boolean validPath(Node at, String path) {
        try {
            JsonPath.parse(path);
            return true;
        } catch (IllegalArgumentException e) {
            diagnostics.error(at, e.getMessage());
            return false;
        }
    }
}
