package org.probefleet.journeys.model;

import java.util.Map;
import java.util.Optional;

/**
 * The request of an HTTP step. {@code json} is the YAML body as plain maps, lists and scalars,
 * sent as JSON; {@code body} is sent as text. At most one of them is present.
 */
public record HttpRequest(String method, String path, Map<String, String> headers,
                          Optional<Object> json, Optional<String> body) {

    public HttpRequest {
        headers = Map.copyOf(headers);
        if (json.isPresent() && body.isPresent()) {
            throw new IllegalArgumentException("a request has a json body or a text body, not both");
        }
    }
}
