package org.probefleet.wire.api;

import java.util.List;
import org.probefleet.journeys.load.SourceFile;

/**
 * An agent's assignments: every definition file in force (so the agent loads them as the
 * coordinator did) and the ids of the journeys this agent runs.
 */
public record AgentAssignments(String agent, String region, String definitionsVersion, List<String> journeys, List<SourceFile> files) {

    public AgentAssignments {
        journeys = List.copyOf(journeys);
        files = List.copyOf(files);
    }
}
