package org.probefleet.coordinator.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.probefleet.wire.outcome.Outcome;

/**
 * What the coordinators of a group share through their one PostgreSQL store beyond the outcomes:
 * the leader's lease and the settings only its holder may write, the outcomes the other members
 * commit, and the agents' heartbeats.
 */
public final class GroupStore {

    /** An agent's heartbeat as stored: {@code status} is the coordinator's own JSON of it. */
    public record StoredHeartbeat(String agent, String region, String status, Instant receivedAt) {
    }

    private final String member;
    private final Leases leases;
    private final HeartbeatTable heartbeats;
    private final OthersCommits others;

    GroupStore(String member, Database database, OthersCommits others) {
        this.member = member;
        this.leases = new Leases(database);
        this.heartbeats = new HeartbeatTable(database);
        this.others = others;
    }

    /** This member's name in the group: unique to this run of this coordinator. */
    public String member() {
        return member;
    }

    /** Takes or renews lease {@code name} for {@code length}; its fencing token while this member holds it. */
    public OptionalLong hold(String name, Duration length) {
        return leases.hold(name, member, length);
    }

    public void release(String name) {
        leases.release(name, member);
    }

    /** Saves a setting if lease {@code name} still carries {@code token}; false (nothing saved) when another member took it. */
    public boolean saveFenced(String name, long token, String key, String value) {
        return leases.putFenced(name, token, key, value);
    }

    /** Hands on each outcome the other members committed since the last call, once; fed to the same listener as this member's. */
    public void pollOthers(Consumer<Outcome> each) {
        others.poll(each);
    }

    public void saveHeartbeats(List<StoredHeartbeat> latest) {
        heartbeats.save(latest);
    }

    public List<StoredHeartbeat> heartbeats() {
        return heartbeats.all();
    }
}
