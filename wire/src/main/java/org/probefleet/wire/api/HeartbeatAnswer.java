package org.probefleet.wire.api;

import java.util.List;

/**
 * The coordinator's answer to a heartbeat: who the token belongs to, and what the agent should
 * know. {@code confirm}: journeys of this agent to run at once, out of schedule, because another
 * region's run of them just failed.
 */
public record HeartbeatAnswer(String agent, String region, long heartbeatTimeoutSeconds, String definitionsVersion, List<String> confirm) {

    public HeartbeatAnswer {
        confirm = List.copyOf(confirm);
    }
}
