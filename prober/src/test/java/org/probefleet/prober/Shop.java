package org.probefleet.prober;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.probefleet.shop.DemoShop;

/** The demo shop on a free loopback port, with its chaos endpoint, for agent tests. */
public final class Shop implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final DemoShop shop;
    private final HttpClient client = HttpClient.newHttpClient();

    public Shop() throws Exception {
        shop = DemoShop.start(vertx, "127.0.0.1", 0).await(30, TimeUnit.SECONDS);
    }

    public String url() {
        return "http://127.0.0.1:" + shop.port();
    }

    public void chaos(String json) throws Exception {
        HttpRequest request = json == null
                ? HttpRequest.newBuilder(URI.create(url() + "/admin/chaos")).DELETE().build()
                : HttpRequest.newBuilder(URI.create(url() + "/admin/chaos")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("chaos refused: " + response.body());
        }
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
    }
}
