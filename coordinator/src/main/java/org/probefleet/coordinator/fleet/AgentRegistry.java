package org.probefleet.coordinator.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** The agents that have sent heartbeats, and which of them are live (heard from within the timeout). */
public final class AgentRegistry {

    /**
     * What an agent says about itself in a heartbeat: its version, browser capacity, self-check,
     * outcomes waiting in its outbox, the latest run start since its last heartbeat, and the runs
     * it skipped since it started (due while the last one still ran or no runner was free).
     */
    public record Status(String version, int capacity, boolean selfCheckOk, long outboxDepth, long scheduleLagMs, long missedRuns) {
    }

    /** What an agent last said about itself, and when. */
    public record Heartbeat(String agent, String region, Status status, Instant receivedAt) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Heartbeat> heartbeats = new ConcurrentHashMap<>();
    /** Every region an agent was heard from, sorted: asked for every failed run, so not gathered from the heartbeats each time. */
    private final Set<String> regions = new ConcurrentSkipListSet<>();
    /** Agents heard here since the rest of a group was last told. */
    private final Set<String> unshared = ConcurrentHashMap.newKeySet();

    public AgentRegistry(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    public Heartbeat beat(String agent, String region, Status status) {
        Heartbeat heartbeat = new Heartbeat(agent, region, status, clock.instant());
        heartbeats.put(agent, heartbeat);
        regions.add(region);
        unshared.add(agent);
        return heartbeat;
    }

    /** The heartbeats heard here since the last call: what the other coordinators of a group have not been told. */
    public List<Heartbeat> takeUnshared() {
        List<Heartbeat> taken = new java.util.ArrayList<>();
        for (String agent : List.copyOf(unshared)) {
            unshared.remove(agent);
            taken.add(heartbeats.get(agent));
        }
        return taken;
    }

    /** A heartbeat another coordinator of the group heard: kept when it is later than the one known. */
    public void heardElsewhere(Heartbeat heartbeat) {
        heartbeats.merge(heartbeat.agent(), heartbeat, (known, other) -> other.receivedAt().isAfter(known.receivedAt()) ? other : known);
        regions.add(heartbeat.region());
    }

    public boolean isLive(String agent) {
        Heartbeat heartbeat = heartbeats.get(agent);
        return heartbeat != null && !heartbeat.receivedAt().plus(timeout).isBefore(clock.instant());
    }

    public List<String> liveIn(String region) {
        return heartbeats.values().stream().filter(h -> h.region().equals(region) && isLive(h.agent()))
                .map(Heartbeat::agent).sorted().toList();
    }

    public List<Heartbeat> all() {
        return heartbeats.values().stream().sorted(Comparator.comparing(Heartbeat::region).thenComparing(Heartbeat::agent)).toList();
    }

    /** The regions of every agent heard from, live or not, sorted. */
    public List<String> regions() {
        return List.copyOf(regions);
    }

    public Optional<Heartbeat> last(String agent) {
        return Optional.ofNullable(heartbeats.get(agent));
    }

    public Duration timeout() {
        return timeout;
    }
}
