package org.probefleet.prober.agent;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.api.AgentAssignments;
import org.probefleet.wire.api.HeartbeatAnswer;
import org.probefleet.wire.api.HeartbeatRequest;
import org.probefleet.wire.client.CoordinatorClient;

/** Heartbeats to the coordinator and polls this agent's assignments (with ETag; the definition files once per version). */
public final class CoordinatorLink {

    /**
     * What a heartbeat tells about the agent: browser capacity, self-check, outcomes waiting,
     * the latest run start since the last heartbeat and the runs skipped since the agent started.
     */
    public record Status(int capacity, boolean selfCheckOk, long outboxDepth, long scheduleLagMs, long missedRuns) {
        static Status starting(int capacity) {
            return new Status(capacity, true, 0, 0, 0);
        }

        HeartbeatRequest heartbeat() {
            return new HeartbeatRequest(Conventions.VERSION, capacity, selfCheckOk, outboxDepth, scheduleLagMs, missedRuns);
        }
    }

    /** The definitions loaded from the files of one version: assignments leave the files out while it stays in force. */
    private record Held(String version, Definitions definitions) {
    }

    private final CoordinatorClient client;
    private Optional<String> etag = Optional.empty();
    private Optional<Held> held = Optional.empty();

    /** A link to the coordinators of a group (or just one), moving on to the next when one does not answer. */
    public CoordinatorLink(List<URI> coordinators, String token) {
        this.client = CoordinatorClient.create(coordinators, token);
    }

    /** Who the coordinator says this agent is. */
    public HeartbeatAnswer heartbeat(Status status) throws IOException, InterruptedException {
        return client.heartbeat(status.heartbeat());
    }

    /** This agent's journeys when they changed since the last poll; empty when unchanged. */
    public Optional<List<Journey>> assignments(String agent) throws IOException, InterruptedException {
        Optional<CoordinatorClient.Assigned> answer = client.assignments(agent, etag, held.map(Held::version));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        AgentAssignments assigned = answer.get().assignments();
        Definitions definitions;
        if (assigned.files().isEmpty() && held.isPresent() && held.get().version().equals(assigned.definitionsVersion())) {
            definitions = held.get().definitions();
        } else {
            LoadResult loaded = DefinitionLoader.load(assigned.files());
            if (!loaded.ok()) {
                throw new IOException("the coordinator sent definitions with problems: " + loaded.problems().get(0));
            }
            definitions = loaded.definitions();
            held = Optional.of(new Held(assigned.definitionsVersion(), definitions));
        }
        Set<String> mine = Set.copyOf(assigned.journeys());
        etag = answer.get().etag();
        return Optional.of(definitions.journeys().stream().filter(journey -> mine.contains(journey.id())).toList());
    }
}
