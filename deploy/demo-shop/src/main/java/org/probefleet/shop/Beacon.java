package org.probefleet.shop;

import java.net.URI;

/**
 * The real-user beacon the shop's pages include: the coordinator that serves {@code /rum.js} and
 * takes the beacons, and the shop's public site key, which the coordinator's {@code rum:} sites
 * list with the origins the shop is served from. The checkout page starts the journey
 * {@code checkout} and the order confirmation completes it.
 */
public record Beacon(String coordinator, String site) {

    public Beacon {
        URI url;
        try {
            url = URI.create(coordinator);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the beacon's coordinator must be a URL like http://127.0.0.1:8080, not '" + coordinator + "'");
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("the beacon's coordinator must be a URL like http://127.0.0.1:8080, not '" + coordinator + "'");
        }
        if (site == null || !site.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("the beacon's site key must be 1 to 64 letters, digits, dots, dashes or underscores, not '"
                    + site + "'");
        }
        coordinator = coordinator.replaceAll("/+$", "");
    }

    /** Where the page loads the script from. */
    public String script() {
        return coordinator + "/rum.js";
    }
}
