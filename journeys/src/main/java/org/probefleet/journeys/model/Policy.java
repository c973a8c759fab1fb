package org.probefleet.journeys.model;

import java.util.List;
import org.probefleet.journeys.yaml.Origin;

/** An error budget policy: states by consumed budget, each with its rules and release decision. */
public record Policy(String name, String description, List<PolicyState> states, Origin origin) {

    public static final String DEFAULT_NAME = "default";

    /** The seed's policy: FULL [0,25%) · CAUTION [25,50%) · WARNING [50,75%) · CRITICAL [75,100%) · EXHAUSTED. */
    public static final Policy DEFAULT = new Policy(DEFAULT_NAME, "The default error budget policy", List.of(
            new PolicyState("FULL", 0.0, Releases.ALLOWED, List.of(
                    "Full release velocity", "Standard code review process", "No release restrictions")),
            new PolicyState("CAUTION", 0.25, Releases.REVIEW, List.of(
                    "SRE review required for any release touching the critical path",
                    "High-risk releases scheduled for off-peak hours",
                    "Weekly budget review with product and SRE leads")),
            new PolicyState("WARNING", 0.50, Releases.REVIEW, List.of(
                    "No new feature releases to the critical path",
                    "Reliability improvement work prioritized in sprint", "Daily budget review")),
            new PolicyState("CRITICAL", 0.75, Releases.FROZEN, List.of(
                    "Feature release freeze",
                    "SRE and product lead review required for any production change",
                    "Active reliability incident: identify and fix root causes")),
            new PolicyState("EXHAUSTED", 1.0, Releases.APPROVAL, List.of(
                    "All releases require VP Engineering approval",
                    "Formal reliability review before any production change",
                    "SLO renegotiation if structural limits are identified"))),
            new Origin("<built-in>", 1, 1));

    public Policy {
        states = List.copyOf(states);
        if (states.isEmpty() || states.get(0).from() != 0.0) {
            throw new IllegalArgumentException("policy '" + name + "' must start with a state from 0%");
        }
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i).from() <= states.get(i - 1).from()) {
                throw new IllegalArgumentException("policy '" + name + "' thresholds must rise");
            }
        }
    }

    /** The state for a consumed fraction of the budget (may exceed 1). */
    public PolicyState stateFor(double consumed) {
        PolicyState current = states.get(0);
        for (PolicyState state : states) {
            if (consumed >= state.from()) {
                current = state;
            }
        }
        return current;
    }
}
