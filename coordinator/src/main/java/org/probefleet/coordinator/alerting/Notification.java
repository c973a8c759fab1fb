package org.probefleet.coordinator.alerting;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert as on-call tools see it: labels that identify it (Alertmanager's identity), the
 * annotations a person reads, and a dedup key that stays the same when a ticket escalates to a
 * page (PagerDuty's identity). {@code endsAt} is set once it resolved, or for a one-off notice.
 */
public record Notification(String dedupKey, Map<String, String> labels, Map<String, String> annotations,
                           Instant startsAt, Optional<Instant> endsAt) {

    public static final String SEVERITY_PAGE = "page";
    public static final String SEVERITY_TICKET = "ticket";
    /** Budget state changes and threshold crossings: worth knowing, nobody needs to act now. */
    public static final String SEVERITY_INFO = "info";

    public Notification {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    public String severity() {
        return labels.get("severity");
    }

    public String summary() {
        return annotations.getOrDefault("summary", labels.get("alertname"));
    }

    public Optional<String> annotation(String name) {
        return Optional.ofNullable(annotations.get(name));
    }

    public Notification startingAt(Instant at) {
        return new Notification(dedupKey, labels, annotations, at, endsAt);
    }

    public Notification endingAt(Instant at) {
        return new Notification(dedupKey, labels, annotations, startsAt, Optional.of(at));
    }

    /** The same alert with fresher annotations (the numbers move while it fires); identity and start stay. */
    public Notification withAnnotations(Map<String, String> fresh) {
        return new Notification(dedupKey, labels, fresh, startsAt, endsAt);
    }
}
