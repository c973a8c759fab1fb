package org.probefleet.bench.detect;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The demo shop's named-fault API as the benchmark drives it: one fault per trial, on the trial's path. */
final class ShopChaos {

    private final URI shop;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ShopChaos(URI shop) {
        this.shop = shop;
    }

    /** Fails every request to the trial's path from {@code regions}, or only the first {@code times} of them (0: all). */
    void fail(Trial trial, List<String> regions, int times) throws IOException, InterruptedException {
        JsonObject fault = new JsonObject().put("mode", "error").put("paths", new JsonArray().add(trial.path()))
                .put("regions", new JsonArray(regions)).put("times", times);
        send("POST", trial.key(), fault.encode());
    }

    void clear(Trial trial) throws IOException, InterruptedException {
        send("DELETE", trial.key(), null);
    }

    /** How many requests the trial's fault has failed so far. */
    int hits(Trial trial) throws IOException, InterruptedException {
        return new JsonObject(send("GET", trial.key(), null)).getInteger("hits", 0);
    }

    private String send(String method, String name, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(shop.resolve("/admin/chaos/" + name)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the shop answered " + response.statusCode() + " to " + method + " /admin/chaos/" + name + ": "
                    + response.body());
        }
        return response.body();
    }
}
