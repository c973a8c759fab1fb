package org.probefleet.journeys.model;

/** What a budget state means for releases: the release gate's answer. */
public enum Releases {
    /** Ship as usual. */
    ALLOWED,
    /** Ship after a named review (SRE, on-call). */
    REVIEW,
    /** No releases. */
    FROZEN,
    /** Ship only with an explicit approval (an override). */
    APPROVAL;

    public boolean blocksByDefault() {
        return this == FROZEN || this == APPROVAL;
    }
}
