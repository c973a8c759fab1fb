package org.probefleet.journeys.load;

import org.probefleet.journeys.yaml.Section;

/** One YAML document of a definitions folder, classified by its top-level key. */
record Document(Type type, Section section) {

    enum Type {
        JOURNEY("journey"), SLO("slo"), POLICY("policy");

        final String key;

        Type(String key) {
            this.key = key;
        }
    }
}
