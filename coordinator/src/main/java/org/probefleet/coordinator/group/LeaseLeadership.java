package org.probefleet.coordinator.group;

import java.time.Duration;
import java.util.OptionalLong;
import org.probefleet.coordinator.store.GroupStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leadership of a group through the lease row in the shared store: renewed before every
 * evaluation, so when the leader stops the next member takes over within one evaluation
 * interval once the lease has run out. A store that cannot be reached leads nobody.
 */
final class LeaseLeadership implements Leadership {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseLeadership.class);
    static final String LEASE = "coordinator.leader";

    private final GroupStore group;
    private final Duration lease;
    private volatile OptionalLong token = OptionalLong.empty();

    LeaseLeadership(GroupStore group, Duration lease) {
        this.group = group;
        this.lease = lease;
    }

    @Override
    public synchronized Role renew() {
        OptionalLong before = token;
        try {
            token = group.hold(LEASE, lease);
        } catch (RuntimeException e) {
            LOG.error("cannot renew the lead in the shared store; following until it answers", e);
            token = OptionalLong.empty();
        }
        if (token.isPresent() && (before.isEmpty() || before.getAsLong() != token.getAsLong())) {
            LOG.info("coordinator {} leads the group (fencing token {}): it evaluates alerts and tells on-call", group.member(),
                    token.getAsLong());
            return Role.NEW_LEADER;
        }
        if (token.isEmpty() && before.isPresent()) {
            LOG.warn("coordinator {} no longer leads the group: another member took over", group.member());
        }
        return token.isPresent() ? Role.LEADER : Role.FOLLOWER;
    }

    @Override
    public boolean leading() {
        return token.isPresent();
    }

    @Override
    public boolean save(String key, String value) {
        OptionalLong held = token;
        return held.isPresent() && group.saveFenced(LEASE, held.getAsLong(), key, value);
    }

    @Override
    public synchronized void release() {
        if (token.isPresent()) {
            token = OptionalLong.empty();
            group.release(LEASE);
        }
    }

    /** The fencing token while leading, for who-leads answers. */
    OptionalLong token() {
        return token;
    }
}
