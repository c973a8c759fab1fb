package org.probefleet.coordinator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.probefleet.coordinator.alerting.AlertDispatcher;
import org.probefleet.coordinator.alerting.AlertState;
import org.probefleet.coordinator.group.Leadership;
import org.probefleet.coordinator.service.DefinitionSet;
import org.probefleet.coordinator.slo.EngineEvent;
import org.probefleet.coordinator.store.SettingsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of every SLO, on a worker thread: catch up with the group (definitions another
 * member stored, its outcomes and heartbeats, the lead), run the engine, publish the snapshots to
 * {@code /metrics} and, on the leader, hand them to alerting.
 */
final class EvaluationStep {

    /** The coordinator's own log: where its evaluations are logged (the fleet benchmark reads them there at debug). */
    private static final Logger LOG = LoggerFactory.getLogger(CoordinatorServer.class);

    private final Services services;
    /** The stored definitions push last looked at, so an unchanged one is not read again. */
    private String lastPushed;

    EvaluationStep(Services services) {
        this.services = services;
    }

    /** Evaluates once; evaluations do not overlap (the timer runs them in order). */
    synchronized void run() {
        if (services.group().grouped()) {
            followPushedDefinitions();
        }
        long started = System.nanoTime();
        Leadership.Role role = services.group().beforeEvaluation();
        services.metrics().leading(role != Leadership.Role.FOLLOWER);
        if (role == Leadership.Role.NEW_LEADER) {
            Optional<AlertState> saved = AlertDispatcher.saved(services.store());
            saved.ifPresent(state -> services.slos().restore(state.engine()));
            services.alerts().takeOver(saved);
        }
        long engineStarted = System.nanoTime();
        List<EngineEvent> events = services.slos().evaluate();
        long engineNanos = System.nanoTime() - engineStarted;
        services.metrics().update(services.slos().snapshots().values(), services.agents());
        if (role != Leadership.Role.FOLLOWER) {
            services.alerts().evaluated(services.slos().snapshots().values(), events, services.slos().memory(),
                    services.agents().all(), services.agents().timeout());
        }
        // Debug, for the fleet benchmark to read how long a full evaluation takes at scale.
        LOG.debug("evaluated {} SLOs as {} in {} ms: engine {} ms", services.slos().snapshots().size(), role,
                (System.nanoTime() - started) / 1_000_000, engineNanos / 1_000_000);
    }

    /** A push reaches one member of a group: the others apply the definitions it stored before they evaluate. */
    private void followPushedDefinitions() {
        Optional<String> pushed = services.store().setting(FleetRoutes.DEFINITIONS_SETTING);
        if (pushed.isEmpty() || pushed.get().equals(lastPushed)) {
            return;
        }
        lastPushed = pushed.get();
        try {
            List<String> problems = new ArrayList<>();
            DefinitionSet set = DefinitionSet.of(DefinitionSet.filesFrom(SettingsJson.read(pushed.get()), problems));
            if (!problems.isEmpty() || !set.loaded().ok() || set.version().equals(services.definitions().get().version())) {
                return;
            }
            services.slos().load(set.loaded().definitions(), services.store());
            services.metrics().journeys(set.loaded().definitions().journeys());
            services.definitions().set(set);
            LOG.info("definitions {}, pushed to another member of the group, applied", set.version());
        } catch (java.io.IOException e) {
            LOG.warn("the definitions another member stored are unreadable; keeping {}", services.definitions().get().version(), e);
        }
    }
}
