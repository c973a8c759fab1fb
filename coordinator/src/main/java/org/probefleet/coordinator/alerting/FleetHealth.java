package org.probefleet.coordinator.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.wire.Conventions;

/**
 * The prober fleet's own alerts, to the fleet owner: an agent down (no heartbeat within the
 * timeout, or never heard from since the coordinator started), its self-check failing, or its
 * outbox growing (at least {@link #OUTBOX_MIN} outcomes waiting and more than five minutes ago).
 * Heartbeats live in memory, so after a restart an agent that was down stays down until it is
 * heard from. Pure: heartbeats come in, notifications go out; it remembers recent outbox depths.
 */
public final class FleetHealth {

    public static final String AGENT_DOWN = "ProbefleetAgentDown";
    public static final String SELF_CHECK = "ProbefleetAgentSelfCheckFailing";
    public static final String OUTBOX = "ProbefleetAgentOutboxGrowing";
    /** Below this many waiting outcomes a backlog is a blip, not a problem. */
    static final long OUTBOX_MIN = 100;
    static final Duration OUTBOX_TREND = Duration.ofMinutes(5);

    /** An agent the configuration expects. */
    public record Expected(String agent, String region) {
    }

    private record Sample(Instant at, long depth) {
    }

    private final String owner;
    private final Instant watchingSince;
    private final Set<String> downBefore;
    private final Map<String, Deque<Sample>> outboxes = new HashMap<>();

    /** @param downBefore agents that were down when the coordinator last stopped */
    public FleetHealth(String owner, Instant watchingSince, Set<String> downBefore) {
        this.owner = owner;
        this.watchingSince = watchingSince;
        this.downBefore = Set.copyOf(downBefore);
    }

    public List<Notification> firing(List<Expected> expected, List<AgentRegistry.Heartbeat> heartbeats, Duration timeout,
                                     Instant now, String dashboard) {
        Map<String, AgentRegistry.Heartbeat> byAgent = new LinkedHashMap<>();
        heartbeats.forEach(beat -> byAgent.put(beat.agent(), beat));
        Map<String, String> regions = new LinkedHashMap<>();
        expected.forEach(agent -> regions.put(agent.agent(), agent.region()));
        heartbeats.forEach(beat -> regions.putIfAbsent(beat.agent(), beat.region()));
        List<Notification> notifications = new ArrayList<>();
        for (Map.Entry<String, String> entry : regions.entrySet()) {
            String agent = entry.getKey();
            Optional<AgentRegistry.Heartbeat> last = Optional.ofNullable(byAgent.get(agent));
            Instant heard = last.map(AgentRegistry.Heartbeat::receivedAt).orElse(watchingSince);
            if (heard.plus(timeout).isBefore(now) || (last.isEmpty() && downBefore.contains(agent))) {
                String since = last.isPresent() ? "no heartbeat since " + heard : "never heard from since the coordinator started at " + heard;
                notifications.add(notification(AGENT_DOWN, agent, entry.getValue(), heard,
                        "prober agent " + agent + " in " + entry.getValue() + " is down: " + since
                                + "; its journeys moved to the region's other agents, if any", dashboard));
                continue;
            }
            if (last.isEmpty()) {
                continue;
            }
            AgentRegistry.Heartbeat beat = last.get();
            if (!beat.status().selfCheckOk()) {
                notifications.add(notification(SELF_CHECK, agent, beat.region(), beat.receivedAt(),
                        "prober agent " + agent + " in " + beat.region() + " fails its self-check: its failures count as prober errors,"
                                + " not against any SLO, until it passes", dashboard));
            }
            if (outboxGrowing(beat)) {
                notifications.add(notification(OUTBOX, agent, beat.region(), beat.receivedAt(),
                        "prober agent " + agent + " in " + beat.region() + " has " + beat.status().outboxDepth()
                                + " outcomes waiting to be delivered, more than " + OUTBOX_TREND.toMinutes() + " minutes ago", dashboard));
            }
        }
        return notifications;
    }

    private boolean outboxGrowing(AgentRegistry.Heartbeat beat) {
        Deque<Sample> samples = outboxes.computeIfAbsent(beat.agent(), agent -> new ArrayDeque<>());
        if (samples.isEmpty() || samples.peekLast().at().isBefore(beat.receivedAt())) {
            samples.addLast(new Sample(beat.receivedAt(), beat.status().outboxDepth()));
        }
        Instant trendStart = beat.receivedAt().minus(OUTBOX_TREND);
        Sample before = null;
        while (samples.size() > 1 && !samples.peekFirst().at().isAfter(trendStart)) {
            before = samples.pollFirst();
        }
        if (before != null) {
            samples.addFirst(before);
        }
        return before != null && beat.status().outboxDepth() >= OUTBOX_MIN && beat.status().outboxDepth() > before.depth();
    }

    private Notification notification(String alertname, String agent, String region, Instant since, String summary, String dashboard) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("agent", agent);
        labels.put(Conventions.SEVERITY, Severity.TICKET.wireName());
        labels.put("region", region);
        labels.put("owner", owner);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", summary);
        annotations.put("dashboard", dashboard);
        return new Notification("probefleet/agent/" + agent + "/" + alertname, labels, annotations, since, Optional.empty());
    }
}
