package org.probefleet.journeys.spec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * The PromQL checks that need no Prometheus: a query is not empty, its brackets, braces and
 * parentheses pair up, and its strings are closed. Anything subtler is Prometheus' to refuse.
 */
public final class PromQl {

    private static final Map<Character, Character> CLOSERS = Map.of(')', '(', ']', '[', '}', '{');

    private PromQl() {
    }

    /** What is wrong with {@code query}, naming the character (from 1) where it shows; empty when it looks well formed. */
    public static Optional<String> problem(String query) {
        if (query.isBlank()) {
            return Optional.of("is empty: write a PromQL query, like sum(rate(requests_total[5m]))");
        }
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = closingQuote(query, i);
                if (end < 0) {
                    return Optional.of("has an unclosed " + c + " at character " + (i + 1));
                }
                i = end;
            } else if (c == '#') {
                i = endOfLine(query, i);
            } else if ("([{".indexOf(c) >= 0) {
                open.push(i);
            } else if (CLOSERS.containsKey(c)) {
                if (open.isEmpty() || query.charAt(open.peek()) != CLOSERS.get(c)) {
                    return Optional.of("has a '" + c + "' at character " + (i + 1) + " that closes nothing"
                            + (open.isEmpty() ? "" : ": '" + query.charAt(open.peek()) + "' at character " + (open.peek() + 1)
                            + " is still open"));
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            int at = open.peek();
            return Optional.of("has a '" + query.charAt(at) + "' at character " + (at + 1) + " that is never closed");
        }
        return Optional.empty();
    }

    /** Where the string opened at {@code start} ends; backslash escapes apply except in backtick strings. */
    private static int closingQuote(String query, int start) {
        char quote = query.charAt(start);
        for (int i = start + 1; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfLine(String query, int from) {
        int newline = query.indexOf('\n', from);
        return newline < 0 ? query.length() : newline;
    }
}
