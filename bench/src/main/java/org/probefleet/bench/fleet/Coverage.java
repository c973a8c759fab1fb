package org.probefleet.bench.fleet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Whether the live agents' latest assignments cover every journey in every region: pure, over what the agents were last told. */
final class Coverage {

    private Coverage() {
    }

    static boolean complete(List<FleetAgent> agents, List<String> journeys, List<String> regions) {
        for (String region : regions) {
            Set<String> covered = new HashSet<>();
            for (FleetAgent agent : agents) {
                if (agent.alive() && agent.identity().region().equals(region)) {
                    covered.addAll(agent.journeys());
                }
            }
            if (!covered.containsAll(journeys)) {
                return false;
            }
        }
        return true;
    }
}
