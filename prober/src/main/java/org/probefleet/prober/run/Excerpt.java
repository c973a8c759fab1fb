package org.probefleet.prober.run;

/** A short, one-line, masked piece of what a target showed (a body, a line of a page), for a failure's message. */
public final class Excerpt {

    /** A response body's excerpt: enough to recognise an error page or an error's JSON. */
    public static final int BODY_CHARS = 200;

    private Excerpt() {
    }

    /**
     * {@code text} with secrets masked, whitespace collapsed to single spaces, then cut to
     * {@code maxChars}: masked before the cut, so a cut never leaves part of a secret behind, and
     * before the collapse, so a secret with spaces in it is still found.
     */
    public static String of(String text, int maxChars, Secrets secrets) {
        String line = secrets.mask(text).strip().replaceAll("\\s+", " ");
        return line.length() <= maxChars ? line : line.substring(0, maxChars - 3) + "...";
    }
}
