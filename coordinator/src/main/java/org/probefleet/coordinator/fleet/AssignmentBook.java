package org.probefleet.coordinator.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A region's {@link Assignments} kept between polls and brought up to date by what changed: an
 * agent that joins takes the journeys it now weighs most for, an agent that leaves gives its own
 * journeys to the next best, new definitions start over. The answer is the same as a full
 * {@link Assignments#assign} over the live agents, at a cost per change instead of per poll:
 * with 20,000 journeys and 300 agents a region, a full spread is 6 million hashes.
 */
public final class AssignmentBook {

    /** One region's journeys (sorted), the agent each goes to and that agent's weight for it. */
    private static final class Region {
        final String definitions;
        final String[] journeys;
        final long[] prefixes;
        final String[] owners;
        final long[] weights;
        final Set<String> agents = new HashSet<>();
        Map<String, List<String>> byAgent = Map.of();

        Region(String definitions, Collection<String> journeyIds) {
            this.definitions = definitions;
            this.journeys = journeyIds.stream().sorted().toArray(String[]::new);
            this.prefixes = new long[journeys.length];
            for (int i = 0; i < journeys.length; i++) {
                prefixes[i] = Assignments.prefix(journeys[i]);
            }
            this.owners = new String[journeys.length];
            this.weights = new long[journeys.length];
        }

        /** Whether {@code agent} with {@code weight} beats the journey's owner: the same order as {@link Assignments#assign}. */
        boolean beats(int journey, String agent, long weight) {
            String owner = owners[journey];
            int order = Long.compareUnsigned(weight, weights[journey]);
            return owner == null || order > 0 || (order == 0 && agent.compareTo(owner) < 0);
        }

        void join(String agent) {
            agents.add(agent);
            for (int i = 0; i < journeys.length; i++) {
                long weight = Assignments.weight(prefixes[i], agent);
                if (beats(i, agent, weight)) {
                    owners[i] = agent;
                    weights[i] = weight;
                }
            }
        }

        /** Gives up the journeys of agents that left to the best of those still here. */
        void leave(Set<String> left) {
            agents.removeAll(left);
            for (int i = 0; i < journeys.length; i++) {
                if (owners[i] != null && left.contains(owners[i])) {
                    owners[i] = null;
                    for (String agent : agents) {
                        long weight = Assignments.weight(prefixes[i], agent);
                        if (beats(i, agent, weight)) {
                            owners[i] = agent;
                            weights[i] = weight;
                        }
                    }
                }
            }
        }

        void index() {
            Map<String, List<String>> index = new HashMap<>();
            agents.forEach(agent -> index.put(agent, new ArrayList<>()));
            for (int i = 0; i < journeys.length; i++) {
                if (owners[i] != null) {
                    index.get(owners[i]).add(journeys[i]);
                }
            }
            index.replaceAll((agent, mine) -> List.copyOf(mine));
            byAgent = index;
        }

        /** What {@code agent}, not live here, would run if it were counted in. */
        List<String> counting(String agent) {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < journeys.length; i++) {
                if (beats(i, agent, Assignments.weight(prefixes[i], agent))) {
                    mine.add(journeys[i]);
                }
            }
            return List.copyOf(mine);
        }
    }

    private final Map<String, Region> regions = new HashMap<>();

    /**
     * The journeys {@code agent} runs in {@code region}: {@code journeys} (read only when
     * {@code definitions}, their version, changed) spread over the {@code live} agents, counting
     * {@code agent} in.
     */
    public synchronized List<String> journeysOf(String agent, String region, String definitions, Supplier<Collection<String>> journeys,
                                                Collection<String> live) {
        Region known = regions.get(region);
        if (known == null || !known.definitions.equals(definitions)) {
            known = new Region(definitions, journeys.get());
            regions.put(region, known);
        }
        Set<String> now = Set.copyOf(live);
        if (!known.agents.equals(now)) {
            Set<String> left = new HashSet<>(known.agents);
            left.removeAll(now);
            for (String joined : now) {
                if (!known.agents.contains(joined)) {
                    known.join(joined);
                }
            }
            if (!left.isEmpty()) {
                known.leave(left);
            }
            known.index();
        }
        List<String> mine = known.byAgent.get(agent);
        return mine != null ? mine : known.counting(agent);
    }
}
