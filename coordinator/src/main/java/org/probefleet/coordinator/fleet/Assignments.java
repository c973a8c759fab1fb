package org.probefleet.coordinator.fleet;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spreads a region's journeys over its live agents by rendezvous (highest random weight)
 * hashing: each journey goes to the agent with the highest hash of (journey, agent), so when
 * an agent leaves only its own journeys move, and every coordinator computes the same answer.
 */
public final class Assignments {

    private Assignments() {
    }

    /** Agent → its journeys (sorted); every journey goes to exactly one agent when any is live. */
    public static Map<String, List<String>> assign(Collection<String> journeys, Collection<String> agents) {
        Map<String, List<String>> result = new TreeMap<>();
        agents.forEach(agent -> result.put(agent, new ArrayList<>()));
        for (String journey : journeys.stream().sorted().toList()) {
            String best = null;
            long bestWeight = 0;
            for (String agent : agents) {
                long weight = weight(journey, agent);
                if (best == null || Long.compareUnsigned(weight, bestWeight) > 0
                        || (weight == bestWeight && agent.compareTo(best) < 0)) {
                    best = agent;
                    bestWeight = weight;
                }
            }
            if (best != null) {
                result.get(best).add(journey);
            }
        }
        return new LinkedHashMap<>(result);
    }

    /** FNV-1a over "journey\0agent", finished with the SplitMix64 mixer for an even spread. */
    static long weight(String journey, String agent) {
        return weight(prefix(journey), agent);
    }

    /** FNV-1a over "journey\0": what every agent's weight for the journey starts from, so it is hashed once. */
    static long prefix(String journey) {
        return fnv(0xcbf29ce484222325L, journey.getBytes(StandardCharsets.UTF_8)) * 0x100000001b3L;
    }

    /** The weight of {@code agent} for the journey whose {@link #prefix} is given. */
    static long weight(long prefix, String agent) {
        long hash = prefix;
        for (int i = 0; i < agent.length(); i++) {
            char c = agent.charAt(i);
            if (c < 0x80) {
                hash ^= c;
                hash *= 0x100000001b3L;
            } else {
                // The rest as UTF-8, from the first character that is not ASCII.
                return mix(fnv(hash, agent.substring(i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return mix(hash);
    }

    private static long fnv(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static long mix(long hash) {
        hash += 0x9e3779b97f4a7c15L;
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        return hash ^ (hash >>> 31);
    }
}
