package org.probefleet.prober.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.coordinator.config.PrometheusConfig;
import org.probefleet.coordinator.config.RumConfig;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.browser.Chromium;
import org.probefleet.shop.Beacon;
import org.probefleet.shop.DemoShop;

/**
 * The demo's visitors in real headless Chromium against the demo shop with its beacon, reporting
 * to a coordinator that runs the examples: a visit completes a checkout, its beacon arrives as a
 * good event of the example rum SLO and the shop counts the purchase; under silent chaos for users
 * only, the next visit is left unconfirmed and arrives as a bad event.
 */
class VisitorsIT {

    static final String RUM_SLO = "checkout-real-users";

    @Test
    @DisplayName("a visitor completes a checkout whose beacon reaches the rum SLO; under users-only silent chaos the next is left unconfirmed and counts bad")
    void visitorsReachTheCoordinator(@TempDir Path folder) throws Exception {
        Vertx vertx = Vertx.vertx();
        int shopPort = freePort();
        String shopOrigin = "http://127.0.0.1:" + shopPort;
        CoordinatorServer coordinator = CoordinatorServer.start(vertx, config(folder, shopOrigin), Clock.systemUTC()).await(60, TimeUnit.SECONDS);
        String coordinatorUrl = "http://127.0.0.1:" + coordinator.port();
        DemoShop.start(vertx, "127.0.0.1", shopPort, Optional.empty(), Optional.of(new Beacon(coordinatorUrl, "demo-shop")))
                .await(30, TimeUnit.SECONDS);
        StringWriter log = new StringWriter();
        Visitors.Settings once = new Visitors.Settings(shopOrigin, 60, 1, Duration.ofSeconds(5));
        try (Chromium chromium = new Chromium(BrowserSettings.defaults(Optional.empty()))) {
            Visitors visitors = new Visitors(chromium, once, new PrintWriter(log), Clock.systemUTC());

            assertThat(visitors.run(new CountDownLatch(1))).isEqualTo(new Visitors.Tally(1, 0));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(realUsers(coordinator)).isEqualTo(new Counts(1, 0)));
            assertThat(get(shopOrigin + "/metrics")).contains("checkout_started_total 1.0", "purchase_completed_total 1.0");

            post(shopOrigin + "/admin/chaos", "{\"mode\":\"silent\",\"paths\":[\"/checkout\"],\"traffic\":\"users\"}");
            assertThat(visitors.run(new CountDownLatch(1))).isEqualTo(new Visitors.Tally(0, 1));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(realUsers(coordinator)).isEqualTo(new Counts(1, 1)));
            assertThat(get(shopOrigin + "/metrics")).contains("checkout_started_total 2.0", "purchase_completed_total 1.0");
            assertThat(log.toString()).contains("visit 1: order confirmed in", "visit 1: no confirmation after",
                    "left the shop: waiting for the order confirmation: Timeout 5000ms exceeded.");
        } finally {
            coordinator.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private static Counts realUsers(CoordinatorServer coordinator) {
        return coordinator.slos().snapshots().get(RUM_SLO).global().sloWindow();
    }

    /** The examples as shipped, their rum SLO included; one site, {@code demo-shop}, for the shop's origin. */
    private static CoordinatorConfig config(Path folder, String shopOrigin) {
        return new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("store.db"), Path.of("../journeys/examples"), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofDays(35), Duration.ofSeconds(30),
                folder.resolve("data"), 1 << 20, AlertingConfig.NONE, Optional.empty(), PrometheusConfig.NONE,
                new RumConfig(List.of(new RumConfig.Site("demo-shop", List.of(shopOrigin), 1.0)), 50, 1000));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(String url, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
