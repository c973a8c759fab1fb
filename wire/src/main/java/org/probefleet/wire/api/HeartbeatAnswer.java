package org.probefleet.wire.api;

/** The coordinator's answer to a heartbeat: who the token belongs to, and what the agent should know. */
public record HeartbeatAnswer(String agent, String region, long heartbeatTimeoutSeconds, String definitionsVersion) {
}
