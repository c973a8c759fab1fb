package org.probefleet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertInboxTest {

    @Test
    @DisplayName("alerts posted to /admin/alerts are appended to the log, one JSON line each, and listed; non-JSON is refused")
    void inbox(@TempDir Path folder) throws Exception {
        Vertx vertx = Vertx.vertx();
        Path log = folder.resolve("alerts.jsonl");
        try {
            DemoShop shop = DemoShop.start(vertx, "127.0.0.1", 0, Optional.of(log)).await(10, TimeUnit.SECONDS);
            HttpClient client = HttpClient.newHttpClient();
            URI inbox = URI.create("http://127.0.0.1:" + shop.port() + "/admin/alerts");
            for (String body : new String[] {"{\"status\":\"firing\",\"severity\":\"page\"}", "{\"status\":\"resolved\"}", "not json"}) {
                client.send(HttpRequest.newBuilder(inbox).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            }

            HttpResponse<String> listed = client.send(HttpRequest.newBuilder(inbox).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(Files.readAllLines(log)).containsExactly("{\"status\":\"firing\",\"severity\":\"page\"}", "{\"status\":\"resolved\"}");
            assertThat(new JsonArray(listed.body())).hasSize(2);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
