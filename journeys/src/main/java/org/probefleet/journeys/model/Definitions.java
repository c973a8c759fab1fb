package org.probefleet.journeys.model;

import java.util.List;
import java.util.Optional;

/** Every valid journey, SLO and policy of a definitions folder. Policies include the built-in default unless a file replaces it. */
public record Definitions(List<Journey> journeys, List<Slo> slos, List<Policy> policies) {

    public static final Definitions EMPTY = new Definitions(List.of(), List.of(), List.of(Policy.DEFAULT));

    public Definitions {
        journeys = List.copyOf(journeys);
        slos = List.copyOf(slos);
        policies = List.copyOf(policies);
    }

    public Optional<Journey> journey(String id) {
        return journeys.stream().filter(journey -> journey.id().equals(id)).findFirst();
    }

    public Optional<Slo> slo(String name) {
        return slos.stream().filter(slo -> slo.name().equals(name)).findFirst();
    }

    public Optional<Policy> policy(String name) {
        return policies.stream().filter(policy -> policy.name().equals(name)).findFirst();
    }

    /** The policy an SLO follows; validation guarantees it exists. */
    public Policy policyOf(Slo slo) {
        return policy(slo.policy()).orElse(Policy.DEFAULT);
    }
}
