package org.probefleet.coordinator.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.probefleet.coordinator.slo.Severity;

/**
 * What on-call has been told: the alerts firing (by dedup key), those resolved in the last
 * {@link #RESOLVED_FOR} (Alertmanager keeps getting them with {@code endsAt}) and recent notices.
 * {@link #reconcile} compares what should fire now with what fires and says what changed. Pure,
 * and saved with the coordinator's state so a restart neither re-triggers nor forgets a resolve.
 */
public final class AlertBook {

    /** Resolved alerts and notices are re-sent to Alertmanager for this long. */
    public static final Duration RESOLVED_FOR = Duration.ofMinutes(5);

    /** A change on-call hears about. */
    public sealed interface Change {
        Notification alert();

        record Fired(Notification alert) implements Change {
        }

        /** The same incident changed severity (a ticket became a page, or the page calmed to a ticket). */
        record Escalated(Notification from, Notification alert) implements Change {
        }

        /** {@code inhibited}: it ended because a page of the same SLO now fires, which already says it. */
        record Resolved(Notification alert, boolean inhibited) implements Change {
        }

        record Notice(Notification alert) implements Change {
        }
    }

    private final Map<String, Notification> firing = new LinkedHashMap<>();
    private final List<Notification> ended = new ArrayList<>();

    public AlertBook() {
    }

    /** Restores a saved book. */
    public AlertBook(Collection<Notification> firing, Collection<Notification> ended) {
        firing.forEach(alert -> this.firing.put(alert.dedupKey(), alert));
        this.ended.addAll(ended);
    }

    /**
     * @param wanted  everything that should fire now (fresh annotations; start times are kept for those already firing)
     * @param notices one-off notices raised now
     */
    public List<Change> reconcile(List<Notification> wanted, List<Notification> notices, Instant now) {
        List<Change> changes = new ArrayList<>();
        Map<String, Notification> next = new LinkedHashMap<>();
        wanted.forEach(alert -> next.put(alert.dedupKey(), alert));
        for (Notification old : List.copyOf(firing.values())) {
            if (!next.containsKey(old.dedupKey())) {
                Notification resolved = old.endingAt(now);
                firing.remove(old.dedupKey());
                ended.add(resolved);
                changes.add(new Change.Resolved(resolved, supersededByPage(old, next.values())));
            }
        }
        for (Notification alert : next.values()) {
            Notification old = firing.get(alert.dedupKey());
            if (old == null) {
                Notification fresh = alert.startingAt(now);
                ended.removeIf(gone -> gone.labels().equals(fresh.labels()));
                firing.put(alert.dedupKey(), fresh);
                changes.add(new Change.Fired(fresh));
            } else if (!old.labels().equals(alert.labels())) {
                Notification fresh = alert.startingAt(now);
                ended.removeIf(gone -> gone.labels().equals(fresh.labels()));
                ended.add(old.endingAt(now));
                firing.put(alert.dedupKey(), fresh);
                changes.add(new Change.Escalated(old, fresh));
            } else {
                firing.put(alert.dedupKey(), old.withAnnotations(alert.annotations()));
            }
        }
        for (Notification notice : notices) {
            Notification timed = notice.startingAt(now).endingAt(now.plus(RESOLVED_FOR));
            ended.removeIf(gone -> gone.labels().equals(timed.labels()));
            ended.add(timed);
            changes.add(new Change.Notice(timed));
        }
        ended.removeIf(alert -> alert.endsAt().orElseThrow().plus(RESOLVED_FOR).isBefore(now));
        return changes;
    }

    /** What Alertmanager should hold now: every firing alert, and the recently resolved with their {@code endsAt}. */
    public List<Notification> forAlertmanager(Instant now) {
        List<Notification> all = new ArrayList<>(firing.values());
        ended.stream().filter(alert -> !alert.endsAt().orElseThrow().plus(RESOLVED_FOR).isBefore(now)).forEach(all::add);
        return all;
    }

    public List<Notification> firing() {
        return List.copyOf(firing.values());
    }

    public List<Notification> ended() {
        return List.copyOf(ended);
    }

    private static boolean supersededByPage(Notification old, Collection<Notification> next) {
        String slo = old.labels().get("slo");
        return slo != null && old.severity() != Severity.PAGE && next.stream().anyMatch(alert ->
                Objects.equals(slo, alert.labels().get("slo")) && alert.severity() == Severity.PAGE);
    }
}
