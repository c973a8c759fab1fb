package org.probefleet.journeys.model;

import java.util.regex.Pattern;

/** The shapes of identifiers: journey, SLO, policy and region names. */
public final class Names {

    private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private Names() {
    }

    /** Lower-case letters, digits and inner dashes: safe as a metric label, a URL segment and a file name. */
    public static boolean isId(String text) {
        return ID.matcher(text).matches();
    }
}
