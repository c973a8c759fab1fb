package org.probefleet.coordinator.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.store.GroupStore;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.store.SettingsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coordinator's part in a group sharing one PostgreSQL store, done before every evaluation:
 * count the outcomes the other members committed, share the heartbeats heard here and learn
 * those heard there (so assignments agree), read the gate overrides again, and renew the lead.
 * Alone on a store (SQLite) there is nothing to share and the coordinator always leads.
 */
public final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

    private final Optional<GroupStore> group;
    private final Leadership leadership;
    private final SloService slos;
    private final AgentRegistry agents;
    private final GateOverrides gates;

    private Membership(Optional<GroupStore> group, Leadership leadership, SloService slos, AgentRegistry agents, GateOverrides gates) {
        this.group = group;
        this.leadership = leadership;
        this.slos = slos;
        this.agents = agents;
        this.gates = gates;
    }

    /** The lease lasts two evaluation intervals: one late renewal costs nothing, a stopped leader is replaced within three. */
    public static Membership of(JdbcOutcomeStore store, Duration evaluationInterval, SloService slos, AgentRegistry agents,
                                GateOverrides gates) {
        Leadership leadership = store.group().<Leadership>map(shared -> new LeaseLeadership(shared, evaluationInterval.multipliedBy(2)))
                .orElseGet(() -> Leadership.alone(store));
        return new Membership(store.group(), leadership, slos, agents, gates);
    }

    /** Whether this coordinator shares its store with others (PostgreSQL), rather than being alone on it. */
    public boolean grouped() {
        return group.isPresent();
    }

    public Leadership leadership() {
        return leadership;
    }

    /** Catches up with the rest of the group, then takes or keeps the lead if it can. */
    public Leadership.Role beforeEvaluation() {
        group.ifPresent(shared -> {
            try {
                shared.pollOthers(slos::record);
                shareHeartbeats(shared);
                gates.reload();
            } catch (RuntimeException e) {
                LOG.error("cannot catch up with the group's store; this evaluation may lag the other members", e);
            }
        });
        return leadership.renew();
    }

    private void shareHeartbeats(GroupStore shared) {
        shared.saveHeartbeats(agents.takeUnshared().stream().map(beat -> new GroupStore.StoredHeartbeat(beat.agent(), beat.region(),
                statusJson(beat.status()), beat.receivedAt())).toList());
        for (GroupStore.StoredHeartbeat stored : shared.heartbeats()) {
            status(stored.status()).ifPresent(status -> agents.heardElsewhere(
                    new AgentRegistry.Heartbeat(stored.agent(), stored.region(), status, stored.receivedAt())));
        }
    }

    /** Who this coordinator is in its group and whether it leads: the answer of {@code GET /api/v1/group}. */
    public ObjectNode describe() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("mode", group.isPresent() ? "group" : "single")
                .put("leader", leadership.leading());
        group.ifPresent(shared -> body.put("member", shared.member()));
        if (leadership instanceof LeaseLeadership lease) {
            lease.token().ifPresent(token -> body.put("fencing_token", token));
        }
        return body;
    }

    static String statusJson(AgentRegistry.Status status) {
        return JsonNodeFactory.instance.objectNode().put("version", status.version()).put("capacity", status.capacity())
                .put("self_check_ok", status.selfCheckOk()).put("outbox_depth", status.outboxDepth())
                .put("schedule_lag_ms", status.scheduleLagMs()).put("missed_runs", status.missedRuns()).toString();
    }

    static Optional<AgentRegistry.Status> status(String json) {
        try {
            JsonNode node = SettingsJson.read(json);
            return Optional.of(new AgentRegistry.Status(node.path("version").asText(), node.path("capacity").asInt(),
                    node.path("self_check_ok").asBoolean(), node.path("outbox_depth").asLong(), node.path("schedule_lag_ms").asLong(),
                    node.path("missed_runs").asLong()));
        } catch (IOException e) {
            LOG.warn("a stored heartbeat does not read ({}); it is skipped", e.getMessage());
            return Optional.empty();
        }
    }
}
