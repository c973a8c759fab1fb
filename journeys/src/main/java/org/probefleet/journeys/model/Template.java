package org.probefleet.journeys.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code ${…}} references: {@code ${env:NAME}}, {@code ${env:NAME:-default}},
 * {@code ${secret:NAME}} and {@code ${variable}} (a value an earlier HTTP step extracted).
 * Parsed once at load time so a malformed reference is a load error, not a run failure.
 */
public record Template(String source, List<Part> parts) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ENV = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)(:-(.*))?", Pattern.DOTALL);
    private static final Pattern SECRET = Pattern.compile("secret:([A-Za-z_][A-Za-z0-9_.-]*)");

    public Template {
        parts = List.copyOf(parts);
    }

    public sealed interface Part {
    }

    public record Literal(String text) implements Part {
    }

    public record Env(String name, String fallback) implements Part {
    }

    public record Secret(String name) implements Part {
    }

    public record Variable(String name) implements Part {
    }

    /** A malformed reference, with its offset in the text. */
    public static final class SyntaxException extends IllegalArgumentException {
        private final int offset;

        SyntaxException(String message, int offset) {
            super(message);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    public static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                parts.add(new Literal(text.substring(at)));
                break;
            }
            if (start > at) {
                parts.add(new Literal(text.substring(at, start)));
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new SyntaxException("unclosed reference '" + text.substring(start) + "': close it with }", start);
            }
            parts.add(reference(text.substring(start + 2, end), start));
            at = end + 1;
        }
        return new Template(text, parts);
    }

    private static Part reference(String inner, int offset) {
        Matcher env = ENV.matcher(inner);
        if (env.matches()) {
            return new Env(env.group(1), env.group(3));
        }
        Matcher secret = SECRET.matcher(inner);
        if (secret.matches()) {
            return new Secret(secret.group(1));
        }
        if (NAME.matcher(inner).matches()) {
            return new Variable(inner);
        }
        throw new SyntaxException("malformed reference '${" + inner + "}': use ${env:NAME}, ${env:NAME:-default}, "
                + "${secret:NAME} or ${variable}", offset);
    }

    public boolean hasSecrets() {
        return parts.stream().anyMatch(part -> part instanceof Secret);
    }

    public List<String> variables() {
        return parts.stream().filter(part -> part instanceof Variable).map(part -> ((Variable) part).name()).toList();
    }

    /** Substitutes every reference through {@code resolve}, which may throw for a missing value. */
    public String render(Function<Part, String> resolve) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            out.append(part instanceof Literal literal ? literal.text() : resolve.apply(part));
        }
        return out.toString();
    }
}
