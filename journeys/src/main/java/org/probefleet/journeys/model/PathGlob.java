package org.probefleet.journeys.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pattern over repository paths, as an SLO's {@code critical_paths} lists them: {@code **} any
 * characters (folders included), {@code *} any but {@code /}, {@code ?} one but {@code /}; it must
 * match the whole path, relative to the repository's root ({@code services/payment/**}).
 */
public record PathGlob(String pattern) {

    public PathGlob {
        problem(pattern).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** What is wrong with {@code pattern}, if anything: every mistake a glob can make here. */
    public static Optional<String> problem(String pattern) {
        if (pattern.isBlank()) {
            return Optional.of("a critical path must not be empty: write a glob like services/payment/**");
        }
        if (pattern.startsWith("/") || pattern.startsWith("./")) {
            return Optional.of("critical path '" + pattern + "' must be relative to the repository root, like "
                    + pattern.replaceFirst("^\\.?/+", ""));
        }
        if (pattern.contains("\\")) {
            return Optional.of("critical path '" + pattern + "' must separate folders with /, not \\");
        }
        for (String segment : pattern.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("critical path '" + pattern + "' must not contain '" + segment + "' segments");
            }
        }
        if (pattern.matches(".*[\\[\\]{}].*")) {
            return Optional.of("critical path '" + pattern + "' uses [ ] or { }: only **, * and ? are wildcards; list alternatives as separate paths");
        }
        return Optional.empty();
    }

    /** Whether {@code path} (relative to the repository root, with / between folders) matches the whole pattern. */
    public boolean matches(String path) {
        return regex().matcher(path.replace('\\', '/').replaceFirst("^\\./", "")).matches();
    }

    private Pattern regex() {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                // "**/" also matches no folder at all: services/**/x.java matches services/x.java.
                boolean slash = i + 2 < pattern.length() && pattern.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
