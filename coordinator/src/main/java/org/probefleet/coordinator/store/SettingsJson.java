package org.probefleet.coordinator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON of state the coordinator keeps in the store's settings (alert state, gate overrides,
 * pushed definitions): written by the coordinator itself, read back after a restart.
 */
public final class SettingsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SettingsJson() {
    }

    public static JsonNode read(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
