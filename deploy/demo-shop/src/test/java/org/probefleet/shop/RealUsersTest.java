package org.probefleet.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the shop shows of real users beside probes: the beacon on its checkout pages, the
 * business counters that leave probes out, and chaos that only real users meet.
 */
class RealUsersTest {

    static final String PROBE_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36 Probefleet/0.1.0 (synthetic; region=eu-west)";
    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36";

    Vertx vertx;
    DemoShop shop;
    final HttpClient user = client();
    final HttpClient probe = client();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        shop = DemoShop.start(vertx, "127.0.0.1", 0, Optional.empty(), Optional.of(new Beacon("http://127.0.0.1:8080/", "demo-shop")))
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("the checkout page starts the beacon's checkout journey and the order page completes it; other pages carry no beacon")
    void beaconOnCheckoutPages() throws Exception {
        String tag = "<script src=\"http://127.0.0.1:8080/rum.js\" data-site=\"demo-shop\" data-coordinator=\"http://127.0.0.1:8080\"></script>";
        send(user, USER_AGENT, "POST", "/cart/add", "product=lamp-01");

        assertThat(send(user, USER_AGENT, "GET", "/checkout", null).body()).contains(tag, "<script>probefleet.start('checkout')</script>");
        assertThat(checkout(user, USER_AGENT).body()).contains(tag, "Order confirmed", "<script>probefleet.complete('checkout')</script>");
        assertThat(send(user, USER_AGENT, "GET", "/", null).body()).doesNotContain("rum.js");
    }

    @Test
    @DisplayName("/metrics counts the checkouts real users start and complete, and leaves the probes' out")
    void countersLeaveProbesOut() throws Exception {
        walkCheckout(user, USER_AGENT);
        walkCheckout(user, USER_AGENT);
        send(user, USER_AGENT, "GET", "/checkout", null);
        walkCheckout(probe, PROBE_AGENT);

        assertThat(send(user, USER_AGENT, "GET", "/metrics", null).body())
                .contains("checkout_started_total 3.0", "purchase_completed_total 2.0");
    }

    @Test
    @DisplayName("silent chaos for users only: a real user's payment gets a 200 without confirmation and no purchase counts; a probe's goes through")
    void usersOnlySilentChaos() throws Exception {
        send(user, USER_AGENT, "POST", "/admin/chaos", "{\"mode\":\"silent\",\"paths\":[\"/checkout\"],\"traffic\":\"users\"}");

        HttpResponse<String> failed = walkCheckout(user, USER_AGENT);
        HttpResponse<String> passed = walkCheckout(probe, PROBE_AGENT);

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("We are processing your request.", "rum.js").doesNotContain("Order confirmed");
        assertThat(passed.body()).contains("Order confirmed");
        assertThat(send(user, USER_AGENT, "GET", "/metrics", null).body())
                .contains("checkout_started_total 1.0", "purchase_completed_total 0.0");
    }

    private HttpResponse<String> walkCheckout(HttpClient client, String agent) throws IOException, InterruptedException {
        send(client, agent, "POST", "/cart/add", "product=lamp-01");
        send(client, agent, "GET", "/checkout", null);
        return checkout(client, agent);
    }

    private HttpResponse<String> checkout(HttpClient client, String agent) throws IOException, InterruptedException {
        return send(client, agent, "POST", "/checkout", "email=a%40b.test&card=4242424242424242");
    }

    private HttpResponse<String> send(HttpClient client, String agent, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.port() + path))
                .timeout(Duration.ofSeconds(10)).header("User-Agent", agent)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }
}
