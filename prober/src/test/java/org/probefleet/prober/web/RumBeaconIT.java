package org.probefleet.prober.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The beacon script in real headless Chromium: a shop page on loopback includes {@code /rum.js},
 * a journey completed across two pages and one abandoned arrive as a good and a bad event; the
 * same page from an origin not on the site's list is refused by CORS; a flood gets 429s.
 */
class RumBeaconIT {

    static final String RUM_SLO = "slo:\n  name: checkout-real-users\n  owner: payments-team\n  indicator: { type: rum, journey: checkout }\n"
            + "  target: 0.98\n  window: 30d\n";

    @Test
    @DisplayName("Chromium completes one checkout and abandons another: one good and one bad event arrive; another origin is refused; a flood gets 429")
    void beaconsFromChromium(@TempDir Path folder) throws Exception {
        Vertx vertx = Vertx.vertx();
        String[] coordinatorBase = {""};
        HttpServer shop = vertx.createHttpServer().requestHandler(request -> {
            String include = "<script src=\"" + coordinatorBase[0] + "/rum.js\" data-site=\"shop-key\" data-coordinator=\""
                    + coordinatorBase[0] + "\"></script>";
            String body = switch (request.path()) {
                case "/checkout" -> include + "<script>window.started = probefleet.start('checkout');</script><a id=\"pay\" href=\"/confirmation\">Pay</a>";
                case "/confirmation" -> include + "<script>window.done = probefleet.complete('checkout');</script><p>Thank you</p>";
                default -> "<p>shop</p>";
            };
            request.response().putHeader("Content-Type", "text/html; charset=utf-8").end("<!doctype html><html><body>" + body + "</body></html>");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        String shopOrigin = "http://127.0.0.1:" + shop.actualPort();
        CoordinatorServer coordinator = CoordinatorServer.start(vertx, config(folder, shopOrigin), Clock.systemUTC()).await(60, TimeUnit.SECONDS);
        coordinatorBase[0] = "http://127.0.0.1:" + coordinator.port();
        try {
            BrowserSettings settings = BrowserSettings.defaults(Optional.empty());
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                 Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                         .setExecutablePath(settings.executable().orElseThrow()).setArgs(settings.args()))) {
                Page page = browser.newPage();
                page.navigate(shopOrigin + "/checkout");
                assertThat(page.evaluate("() => window.started.then(r => r.sampled)")).isEqualTo(true);
                page.click("#pay");
                page.waitForURL(shopOrigin + "/confirmation");
                assertThat(page.evaluate("() => window.done.then(r => r.counted)")).isEqualTo(true);

                // Started, then left for another site: the pagehide beacon reports the failure.
                page.navigate(shopOrigin + "/checkout");
                page.evaluate("() => window.started");
                page.navigate("about:blank");
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Counts counted = coordinator.slos().snapshots().get("checkout-real-users").global().sloWindow();
                    assertThat(counted.total()).isEqualTo(2);
                    assertThat(counted.good()).isEqualTo(1);
                });

                // The same shop as http://localhost:PORT is another origin, not on the list.
                page.navigate("http://localhost:" + shop.actualPort() + "/checkout");
                Object refused = page.evaluate("() => fetch('" + coordinatorBase[0] + "/api/v1/rum?site=shop-key', {method: 'POST',"
                        + " headers: {'Content-Type': 'application/json'}, body: '{\"journey\":\"checkout\",\"event\":\"start\",\"page\":\"0123456789abcdef\"}'})"
                        + ".then(r => 'answered ' + r.status, e => 'refused')");
                assertThat(refused).isEqualTo("refused");

                page.navigate(shopOrigin + "/");
                Object statuses = page.evaluate("() => Promise.all(Array.from({length: 200}, () => fetch('" + coordinatorBase[0]
                        + "/api/v1/rum?site=shop-key', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                        + " body: '{\"journey\":\"checkout\",\"event\":\"start\",\"page\":\"0123456789abcdef\"}'}).then(r => r.status)))");
                assertThat(((List<?>) statuses).stream().map(String::valueOf).toList()).contains("200", "429");
            }
        } finally {
            coordinator.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** The example definitions plus a rum SLO of checkout; one site, {@code shop-key}, for the shop's origin, 50 beacons a second. */
    private static CoordinatorConfig config(Path folder, String shopOrigin) throws Exception {
        Path definitions = Files.createDirectories(folder.resolve("definitions"));
        try (var examples = Files.list(Path.of("../journeys/examples"))) {
            for (Path file : examples.toList()) {
                Files.copy(file, definitions.resolve(file.getFileName()));
            }
        }
        Files.writeString(definitions.resolve("checkout-real-users-slo.yaml"), RUM_SLO);
        return new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("store.db"), definitions, List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1), Duration.ofDays(35), Duration.ofSeconds(30), folder.resolve("data"),
                1 << 20, AlertingConfig.NONE, Optional.empty(), PrometheusConfig.NONE,
                new RumConfig(List.of(new RumConfig.Site("shop-key", List.of(shopOrigin), 1.0)), 50, 1000));
    }
}
