package org.probefleet.coordinator.alerting;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.wire.Conventions;

/**
 * One alert as on-call tools see it: labels that identify it (Alertmanager's identity), the
 * annotations a person reads, and a dedup key that stays the same when a ticket escalates to a
 * page (PagerDuty's identity). {@code endsAt} is set once it resolved, or for a one-off notice.
 * The {@code severity} label is always a {@link Severity}'s wire name.
 */
public record Notification(String dedupKey, Map<String, String> labels, Map<String, String> annotations,
                           Instant startsAt, Optional<Instant> endsAt) {

    public Notification {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        if (Severity.fromWire(labels.get(Conventions.SEVERITY)).isEmpty()) {
            throw new IllegalArgumentException("notification " + dedupKey + " has severity '" + labels.get(Conventions.SEVERITY)
                    + "', not page, ticket or info");
        }
    }

    public Severity severity() {
        return Severity.fromWire(labels.get(Conventions.SEVERITY)).orElseThrow();
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
