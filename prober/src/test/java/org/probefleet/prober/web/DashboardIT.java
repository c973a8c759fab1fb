package org.probefleet.prober.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.AlertingConfig;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.prober.browser.BrowserSettings;

/** The dashboard in real headless Chromium: an SLO whose budget an all-region outage exhausted shows as EXHAUSTED. */
class DashboardIT {

    static final String TOKEN = "us-east-1-token-0123456789abcdef";

    @Test
    @DisplayName("headless Chromium loading / shows the SLO's name and its EXHAUSTED state; its page shows the charts, strips and the failing step")
    void showsExhaustedSlo(@TempDir Path folder) throws Exception {
        Vertx vertx = Vertx.vertx();
        CoordinatorConfig config = new CoordinatorConfig(0, "127.0.0.1", "sqlite:" + folder.resolve("store.db"), Path.of("../journeys/examples"),
                List.of(new CoordinatorConfig.Agent("us-east-1", "us-east", TOKEN)), Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(1), Duration.ofDays(35), Duration.ofSeconds(30), folder.resolve("data"), 1 << 20, AlertingConfig.NONE);
        CoordinatorServer coordinator = CoordinatorServer.start(vertx, config, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + coordinator.port();
        try {
            ArrayNode batch = JsonNodeFactory.instance.arrayNode();
            // A fresh 30-day budget is measured against the runs its window plans (3 regions, one a minute: 129,600);
            // 1,000 failures spend 129% of its 0.6%.
            for (int i = 0; i < 1000; i++) {
                batch.add(OutcomeJson.write(new Outcome(UUID.randomUUID(), "checkout", "1", "us-east", "us-east-1",
                        Instant.now().minusSeconds(20).minusMillis(i * 100L), 2000, OutcomeStatus.FAILURE, 1, Optional.of("pay"),
                        Optional.of("the page answered HTTP 500"), List.of(), Map.of())));
            }
            HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/outcomes"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(batch.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(200);
            BrowserSettings settings = BrowserSettings.defaults(Optional.empty());
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                 Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                         .setExecutablePath(settings.executable().orElseThrow()).setArgs(settings.args()))) {
                Page page = browser.newPage();
                Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    page.navigate(base + "/");
                    assertThat(page.textContent("body")).contains("checkout-journey-success", "EXHAUSTED");
                });
                Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("dashboard-exhausted.png")).setFullPage(true));
                assertThat(page.title()).isEqualTo("Probefleet");

                // The SLO's own page, one click away: charts drawn, the failing step named, the failure listed.
                page.click("text=checkout-journey-success");
                page.waitForURL(base + "/slos/checkout-journey-success");
                assertThat(page.locator("svg.chart").count()).isEqualTo(2);
                assertThat(page.locator(".strip .cell").count()).isEqualTo(3 * 24);
                assertThat(page.textContent("body")).contains("Error budget burn-down", "Steps that burned the budget",
                        "the page answered HTTP 500", "Policy in EXHAUSTED");
                page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("slo-page-exhausted.png")).setFullPage(true));
            }
        } finally {
            coordinator.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }
}
