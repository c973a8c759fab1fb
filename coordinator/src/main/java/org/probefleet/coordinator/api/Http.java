package org.probefleet.coordinator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Small helpers for JSON responses and errors in one shape: {@code {"error", "problems": [...]}}. */
final class Http {

    private Http() {
    }

    static void json(RoutingContext ctx, int status, JsonNode body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.toString());
    }

    static void error(RoutingContext ctx, int status, String message) {
        error(ctx, status, message, List.of());
    }

    static void error(RoutingContext ctx, int status, String message, List<String> problems) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("error", message);
        if (!problems.isEmpty()) {
            ArrayNode array = body.putArray("problems");
            problems.stream().limit(100).forEach(array::add);
        }
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"probefleet\"");
        }
        if (!ctx.request().isEnded()) {
            // Refused before its body was read: let the client finish sending into nothing (the
            // connection guard bounds how long), so it reads this answer, then close the connection.
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.request().handler(ignored -> { }).resume();
        }
        json(ctx, status, body);
    }
}
