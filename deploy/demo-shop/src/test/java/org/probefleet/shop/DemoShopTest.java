package org.probefleet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoShopTest {

    static Vertx vertx;
    static DemoShop shop;
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        shop = DemoShop.start(vertx, "127.0.0.1", 0).await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void clearChaos() throws Exception {
        send("DELETE", "/admin/chaos", null, null);
    }

    HttpResponse<String> send(String method, String path, String body, String region) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        }
        if (region != null) {
            request.header(DemoShop.REGION_HEADER, region);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }

    @Test
    @DisplayName("a guest adds the deal to the cart, checks out and sees the confirmation")
    void browserCheckout() throws Exception {
        assertThat(get("/").body()).contains("Deal of the day", "<button type=\"submit\">Add to cart</button>");

        HttpResponse<String> cart = send("POST", "/cart/add", "product=lamp-01", null);
        assertThat(cart.uri().getPath()).isEqualTo("/cart");
        assertThat(cart.body()).contains("Desk Lamp", "<a href=\"/checkout\">Checkout</a>", "Cart (1)");

        assertThat(get("/checkout").body()).contains("<label for=\"email\">Email</label>", "Card number", "Pay now");
        HttpResponse<String> order = send("POST", "/checkout", "email=a%40b.test&card=4242+4242+4242+4242", null);
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.uri().getPath()).startsWith("/orders/");
        assertThat(order.body()).contains("Order confirmed", "$39.00");
    }

    @Test
    @DisplayName("checkout with a bad card explains what to fix")
    void checkoutValidation() throws Exception {
        send("POST", "/cart/add", "product=mug-02", null);
        HttpResponse<String> response = send("POST", "/checkout", "email=a%40b.test&card=12", null);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Please enter a card number of 12 to 19 digits.").doesNotContain("Order confirmed");
    }

    @Test
    @DisplayName("sign-in and search pages behave as the example journeys expect")
    void loginAndSearch() throws Exception {
        assertThat(send("POST", "/login", "email=a%40b.test&password=hunter2", null).body()).contains("Welcome back");
        assertThat(get("/search?q=lamp").body()).contains("1 results for", "data-testid=\"search-result\"");
        assertThat(get("/nope").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a search for markup is shown as text, never run as a script")
    void hostileSearchIsEscaped() throws Exception {
        String page = get("/search?q=%3Cscript%3Ealert(%22x%22)%3C%2Fscript%3E").body();

        assertThat(page).contains("0 results for “&lt;script&gt;alert(\"x\")&lt;/script&gt;”").doesNotContain("<script>");
    }

    @Test
    @DisplayName("the JSON API lists products, fills a cart and places an order")
    void api() throws Exception {
        assertThat(new JsonObject(get("/api/products").body()).getJsonArray("products").getJsonObject(0).getString("id"))
                .isEqualTo("lamp-01");
        HttpResponse<String> created = send("POST", "/api/cart", null, null);
        assertThat(created.statusCode()).isEqualTo(201);
        String cartId = new JsonObject(created.body()).getString("id");

        HttpResponse<String> added = send("POST", "/api/cart/" + cartId + "/items", "{\"productId\":\"lamp-01\",\"quantity\":2}", null);
        assertThat(new JsonObject(added.body()).getJsonArray("items")).hasSize(1);

        HttpResponse<String> order = send("POST", "/api/orders", "{\"cartId\":\"" + cartId + "\",\"email\":\"a@b.test\"}", null);
        assertThat(order.statusCode()).isEqualTo(201);
        assertThat(new JsonObject(order.body()).getString("status")).isEqualTo("confirmed");
        assertThat(new JsonObject(order.body()).getDouble("total")).isEqualTo(78.0);

        assertThat(send("POST", "/api/cart/" + cartId + "/items", "{\"productId\":\"nope\"}", null).body())
                .isEqualTo("{\"error\":\"productId must name a product from /api/products\"}");
        assertThat(send("POST", "/api/orders", "[1]", null).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("error chaos turns matching paths into 500s and leaves other paths alone")
    void errorChaos() throws Exception {
        HttpResponse<String> set = send("POST", "/admin/chaos", "{\"mode\":\"error\",\"paths\":[\"/checkout\"]}", null);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(set.body()).getBoolean("active")).isTrue();

        assertThat(get("/checkout").statusCode()).isEqualTo(500);
        assertThat(send("POST", "/checkout", "email=a%40b.test&card=4242424242424242", null).statusCode()).isEqualTo(500);
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/checkoutx").statusCode()).isEqualTo(404);

        send("DELETE", "/admin/chaos", null, null);
        assertThat(get("/checkout").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("silent chaos lets the user browse, then answers the confirming action with a 200 that lacks its confirmation")
    void silentChaos() throws Exception {
        send("POST", "/admin/chaos", "{\"mode\":\"silent\"}", null);
        send("POST", "/cart/add", "product=lamp-01", null);

        assertThat(get("/checkout").body()).contains("Pay now");
        HttpResponse<String> response = send("POST", "/checkout", "email=a%40b.test&card=4242424242424242", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("We are processing your request.").doesNotContain("Order confirmed");
        assertThat(get("/api/products").body()).contains("lamp-01");
        String cart = new JsonObject(send("POST", "/api/cart", null, null).body()).getString("id");
        send("POST", "/api/cart/" + cart + "/items", "{\"productId\":\"lamp-01\"}", null);
        HttpResponse<String> order = send("POST", "/api/orders", "{\"cartId\":\"" + cart + "\",\"email\":\"a@b.test\"}", null);
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.body()).isEqualTo("{}");
    }

    @Test
    @DisplayName("chaos for one region hits only requests carrying that region's header")
    void regionChaos() throws Exception {
        send("POST", "/admin/chaos", "{\"mode\":\"error\",\"regions\":[\"ap-south\"]}", null);

        assertThat(send("GET", "/", null, "ap-south").statusCode()).isEqualTo(500);
        assertThat(send("GET", "/", null, "eu-west").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("latency chaos slows matching responses without failing them")
    void latencyChaos() throws Exception {
        send("POST", "/admin/chaos", "{\"latency_ms\":300,\"paths\":[\"/search\"]}", null);

        long start = System.nanoTime();
        HttpResponse<String> slow = get("/search?q=mug");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("named faults run side by side on their own paths; one with times is spent after that many hits and says so")
    void namedFaults() throws Exception {
        assertThat(get("/ping/blip-1").body()).isEqualTo("pong\n");
        send("POST", "/admin/chaos/outage-1", "{\"mode\":\"error\",\"paths\":[\"/ping/outage-1\"]}", null);
        HttpResponse<String> set = send("POST", "/admin/chaos/blip-1",
                "{\"mode\":\"error\",\"paths\":[\"/ping/blip-1\"],\"regions\":[\"us-east\"],\"times\":1}", null);
        assertThat(new JsonObject(set.body()).getInteger("hits")).isZero();

        assertThat(send("GET", "/ping/blip-1", null, "eu-west").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/ping/blip-1", null, "us-east").statusCode()).isEqualTo(500);
        assertThat(send("GET", "/ping/blip-1", null, "us-east").statusCode()).isEqualTo(200);
        assertThat(get("/ping/outage-1").statusCode()).isEqualTo(500);
        assertThat(get("/ping/outage-1").statusCode()).isEqualTo(500);
        JsonObject blip = new JsonObject(get("/admin/chaos/blip-1").body());
        assertThat(blip.getInteger("hits")).isEqualTo(1);
        assertThat(blip.getBoolean("spent")).isTrue();
        assertThat(new JsonObject(get("/admin/chaos").body()).getBoolean("active")).isFalse();

        send("DELETE", "/admin/chaos/outage-1", null, null);
        send("DELETE", "/admin/chaos/blip-1", null, null);
        assertThat(get("/ping/outage-1").statusCode()).isEqualTo(200);
        assertThat(new JsonObject(get("/admin/chaos/outage-1").body()).getBoolean("active")).isFalse();
    }

    @Test
    @DisplayName("a bad chaos request is 400 with a message per bad field, and changes nothing")
    void badChaos() throws Exception {
        HttpResponse<String> response = send("POST", "/admin/chaos", "{\"mode\":\"explode\",\"error_rate\":3,\"paths\":[\"checkout\"]}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo(
                "mode must be \"error\" or \"silent\", not 'explode'; error_rate must be a number from 0 to 1, not 3; "
                        + "paths must start with /, not \"checkout\"");
        assertThat(new JsonObject(get("/admin/chaos").body()).getBoolean("active")).isFalse();
        assertThat(send("POST", "/admin/chaos", "not json", null).statusCode()).isEqualTo(400);
    }
}
