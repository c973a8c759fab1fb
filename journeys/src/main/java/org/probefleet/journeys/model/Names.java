package org.probefleet.journeys.model;

import java.util.regex.Pattern;

/** The shapes of identifiers: journey, SLO, policy and region names. */
public final class Names {

    /**
     * The longest id, as for a DNS label: ids label metric series and name files, so an id as long
     * as a sender likes would be a series as large as it likes.
     */
    public static final int MAX_ID_LENGTH = 63;
    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private Names() {
    }

    /** Lower-case letters, digits and inner dashes, at most {@link #MAX_ID_LENGTH}: safe as a metric label, a URL segment and a file name. */
    public static boolean isId(String text) {
        return text.length() <= MAX_ID_LENGTH && ID.matcher(text).matches();
    }

    /** Whether {@code text} is refused as an id for its length alone (checked first: a huge value costs no pattern match). */
    public static boolean tooLongForId(String text) {
        return text.length() > MAX_ID_LENGTH;
    }
}
