package org.probefleet.wire.api;

/**
 * What an agent tells the coordinator in each heartbeat: its release, browser capacity,
 * self-check, outcomes waiting in its outbox, the latest run start since the last heartbeat and
 * the runs skipped since it started.
 */
public record HeartbeatRequest(String version, int capacity, boolean selfCheckOk, long outboxDepth, long scheduleLagMs,
                               long missedRuns) {

    /** What an empty heartbeat body stands for: an agent that says nothing about itself. */
    public static final HeartbeatRequest UNKNOWN = new HeartbeatRequest("unknown", 0, true, 0, 0, 0);
}
