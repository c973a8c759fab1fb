package org.probefleet.wire.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds text that is not valid Unicode: a UTF-16 surrogate without its pair, which JSON's
 * {@code \ud800} escape (or CESU-style bytes) can carry. Stored, it would come back as '?', so an
 * identical resend would no longer match and a retried batch would be refused as a conflict.
 */
final class Surrogates {

    private Surrogates() {
    }

    /** Adds one problem per key or string below {@code node} that holds an unpaired surrogate. */
    static void report(JsonNode node, String where, List<String> problems) {
        if (node.isTextual()) {
            unpaired(node.textValue()).ifPresent(c -> problems.add(where + ": " + describe(c)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                report(node.get(i), where + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Optional<Character> key = unpaired(field.getKey());
                if (key.isPresent()) {
                    problems.add((where.isEmpty() ? "outcome" : where) + ": a key with " + describe(key.get()));
                } else {
                    report(field.getValue(), OutcomeJson.path(where, field.getKey()), problems);
                }
            }
        }
    }

    /** The first surrogate in {@code text} that is not half of a pair. */
    static Optional<Character> unpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String describe(char surrogate) {
        return String.format("text with an unpaired surrogate (\\u%04x): send valid UTF-16/UTF-8", (int) surrogate);
    }
}
