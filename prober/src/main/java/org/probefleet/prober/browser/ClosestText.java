package org.probefleet.prober.browser;

import java.util.Locale;
import java.util.Optional;

/**
 * The line of a page's visible text nearest a text that was expected and not found: by edit
 * distance, ignoring case (as the text selector does), so a failure shows what the page said instead.
 */
final class ClosestText {

    /** Bounds the work on a huge page: a line is compared by its start, and only the first lines are read. */
    static final int MAX_LINE_CHARS = 300;
    static final int MAX_LINES = 2_000;

    private ClosestText() {
    }

    /** The visible line of {@code visibleText} closest to {@code wanted}; empty when the page shows no text. */
    static Optional<String> among(String wanted, String visibleText) {
        String target = wanted.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String line : visibleText.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(MAX_LINES).toList()) {
            String compared = line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS);
            int distance = distance(target, compared.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = line;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each costing one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
