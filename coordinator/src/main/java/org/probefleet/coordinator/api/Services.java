package org.probefleet.coordinator.api;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.probefleet.coordinator.alerting.AlertDispatcher;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.coordinator.fleet.AgentRegistry;
import org.probefleet.coordinator.fleet.Confirmations;
import org.probefleet.coordinator.group.Membership;
import org.probefleet.coordinator.ingest.Tokens;
import org.probefleet.coordinator.metrics.CoordinatorMetrics;
import org.probefleet.coordinator.service.DefinitionSet;
import org.probefleet.coordinator.service.DeployHistory;
import org.probefleet.coordinator.service.GateOverrides;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.store.OutcomeStore;

/** What the HTTP routes work with: one instance per running coordinator. */
record Services(CoordinatorConfig config, Clock clock, OutcomeStore store, SloService slos, AgentRegistry agents,
                CoordinatorMetrics metrics, Tokens tokens, AtomicReference<DefinitionSet> definitions, AlertDispatcher alerts,
                GateOverrides gates, DeployHistory deploys, Confirmations confirmations, Membership group) {
}
