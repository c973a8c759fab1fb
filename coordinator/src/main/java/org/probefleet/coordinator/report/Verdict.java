package org.probefleet.coordinator.report;

/** What a quarter says about an SLO's target; {@link #text()} is how the review writes it. */
public enum Verdict {
    /** No outcome in the quarter: nothing to judge. */
    NO_DATA("no data"),
    /** The budget ran out in two of three months. */
    TOO_TIGHT("too tight"),
    /** Never above 10% of the budget consumed in a month. */
    TOO_LOOSE("too loose"),
    ABOUT_RIGHT("about right");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The text as a sentence starts: {@code Too tight}. */
    public String heading() {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Whether the target needs no change. */
    public boolean fine() {
        return this == ABOUT_RIGHT;
    }
}
