package org.probefleet.bench.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What Alertmanager showed, poll by poll: every firing an SLO's alerts went through, with the
 * moment a poll first saw it. An alert that leaves the active list and comes back is a second
 * firing. Fed by the caller's polls, so it does no I/O of its own.
 */
final class AlertWatch {

    /** One firing: which alert, of which SLO, and when a poll first saw it. */
    record Firing(String slo, String alertname, String severity, String region, Instant seen) {
    }

    private final InstantSource clock;
    private final List<Firing> firings = new CopyOnWriteArrayList<>();
    private Set<String> active = Set.of();

    AlertWatch(InstantSource clock) {
        this.clock = clock;
    }

    /** Takes one poll's active alerts. */
    synchronized void observe(List<JsonNode> alerts) {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        for (JsonNode alert : alerts) {
            String fingerprint = alert.path("fingerprint").asText();
            seen.add(fingerprint);
            if (!active.contains(fingerprint)) {
                JsonNode labels = alert.path("labels");
                firings.add(new Firing(labels.path("slo").asText(""), labels.path("alertname").asText(""), labels.path("severity").asText(""),
                        labels.path("region").asText(""), now));
            }
        }
        active = seen;
    }

    /** The firings of {@code slo} first seen at or after {@code from}. */
    List<Firing> firings(String slo, Instant from) {
        List<Firing> found = new ArrayList<>();
        for (Firing firing : firings) {
            if (firing.slo().equals(slo) && !firing.seen().isBefore(from)) {
                found.add(firing);
            }
        }
        return found;
    }
}
