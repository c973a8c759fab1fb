package org.probefleet.journeys.model;

import java.util.List;

/** A budget state that starts at {@code from} consumed (a ratio; 1 = the whole budget) and what it requires. */
public record PolicyState(String name, double from, Releases releases, List<String> rules) {

    public PolicyState {
        rules = List.copyOf(rules);
        if (!name.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("state names are upper case like CAUTION, got '" + name + "'");
        }
        if (from < 0 || Double.isNaN(from)) {
            throw new IllegalArgumentException("a state starts at 0% or more consumed, got " + from);
        }
    }
}
