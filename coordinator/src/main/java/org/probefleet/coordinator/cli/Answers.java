package org.probefleet.coordinator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the coordinator's JSON answers for the commands that print them; an empty answer reads as {}. */
final class Answers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Answers() {
    }

    static JsonNode read(String body) throws JsonProcessingException {
        return MAPPER.readTree(body.isEmpty() ? "{}" : body);
    }
}
