package org.probefleet.journeys.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON path subset HTTP steps use: {@code $}, {@code .field}, {@code ['field']}, {@code [index]}
 * and a final {@code .length()}. Evaluated over plain maps and lists as a JSON parser yields them.
 */
public record JsonPath(String source, List<Object> segments, boolean length) {

    public JsonPath {
        segments = List.copyOf(segments);
    }

    public static JsonPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("JSON path '" + text + "' must start with $, like $.items[0].id");
        }
        List<Object> segments = new ArrayList<>();
        boolean length = false;
        int at = 1;
        while (at < text.length()) {
            if (length) {
                throw new IllegalArgumentException("JSON path '" + text + "': .length() must come last");
            }
            char c = text.charAt(at);
            if (c == '.') {
                int end = at + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_-()".indexOf(text.charAt(end)) >= 0)) {
                    end++;
                }
                String field = text.substring(at + 1, end);
                if (field.isEmpty()) {
                    throw new IllegalArgumentException("JSON path '" + text + "': empty field name at " + at);
                }
                if (field.equals("length()")) {
                    length = true;
                } else if (field.contains("(") || field.contains(")")) {
                    throw new IllegalArgumentException("JSON path '" + text + "': only .length() may have parentheses");
                } else {
                    segments.add(field);
                }
                at = end;
            } else if (c == '[') {
                int end = text.indexOf(']', at);
                if (end < 0) {
                    throw new IllegalArgumentException("JSON path '" + text + "': unclosed [");
                }
                String inside = text.substring(at + 1, end);
                if (inside.matches("\\d+")) {
                    segments.add(Integer.parseInt(inside));
                } else if (inside.matches("'[^']+'")) {
                    segments.add(inside.substring(1, inside.length() - 1));
                } else {
                    throw new IllegalArgumentException("JSON path '" + text + "': [" + inside
                            + "] must be an index like [0] or a name like ['id']");
                }
                at = end + 1;
            } else {
                throw new IllegalArgumentException("JSON path '" + text + "': unexpected '" + c + "' at " + at
                        + "; use .field, ['field'] or [index]");
            }
        }
        return new JsonPath(text, segments, length);
    }

    /** The value at this path, or empty when a field or index is missing. */
    public Optional<Object> evaluate(Object document) {
        Object current = document;
        for (Object segment : segments) {
            if (segment instanceof Integer index && current instanceof List<?> list && index < list.size()) {
                current = list.get(index);
            } else if (segment instanceof String field && current instanceof Map<?, ?> map && map.containsKey(field)) {
                current = map.get(field);
            } else {
                return Optional.empty();
            }
        }
        if (length) {
            if (current instanceof List<?> list) {
                return Optional.of(list.size());
            }
            if (current instanceof Map<?, ?> map) {
                return Optional.of(map.size());
            }
            return current instanceof String string ? Optional.of(string.length()) : Optional.empty();
        }
        return Optional.ofNullable(current);
    }
}
