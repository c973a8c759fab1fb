package org.probefleet.coordinator.group;

import org.probefleet.coordinator.store.OutcomeStore;

/**
 * Which coordinator evaluates alerts and tells on-call: the one that leads. Alone on its store a
 * coordinator always leads; in a group the lease in the shared store says who does, and what
 * only the leader may save (the alert state) is saved with the lease's fencing token.
 */
public interface Leadership {

    /** How the latest {@link #renew} ended. */
    enum Role {
        FOLLOWER, LEADER,
        /** Leads from now on: what the previous leader saved must be loaded before acting. */
        NEW_LEADER
    }

    /** Takes or keeps the lead if it can, before an evaluation. */
    Role renew();

    /** Whether this coordinator led at the latest {@link #renew}. */
    boolean leading();

    /** Saves a setting if this coordinator still leads; false, and nothing saved, when another took over. */
    boolean save(String key, String value);

    /** Gives the lead up on a clean stop, so another member takes over at its next evaluation. */
    void release();

    /** A coordinator alone on its store: always the leader. */
    static Leadership alone(OutcomeStore store) {
        return new Leadership() {
            @Override
            public Role renew() {
                return Role.LEADER;
            }

            @Override
            public boolean leading() {
                return true;
            }

            @Override
            public boolean save(String key, String value) {
                store.saveSetting(key, value);
                return true;
            }

            @Override
            public void release() {
            }
        };
    }
}
