package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.config.AlertingConfig;

/** With a read token set, people get in through a login form or Basic auth; agent tokens open nothing but agent endpoints. */
class DashboardAccessTest {

    static final String READ_TOKEN = "read-token-0123456789abcdef01234";

    @TempDir
    Path folder;
    TestCoordinator coordinator;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, new TestClock(Instant.parse("2026-11-28T12:00:00Z")),
                "sqlite:" + folder.resolve("probefleet.db"), AlertingConfig.NONE, Optional.of(READ_TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(coordinator.url(path))).timeout(Duration.ofSeconds(30));
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signIn(String token, String next) throws Exception {
        String form = "token=" + token + "&next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(coordinator.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a browser without a token is sent to the login form; the API answers 401 JSON")
    void withoutToken() throws Exception {
        HttpResponse<String> page = get("/slos/checkout-journey-success", null, null);
        HttpResponse<String> api = get("/api/v1/slos", null, null);
        HttpResponse<String> form = get("/login?next=%2Fslos%2Fcheckout-journey-success", null, null);

        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fslos%2Fcheckout-journey-success");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).startsWith("{\"error\":\"this coordinator needs a token to read");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form method=\"post\" action=\"/login\">")
                .contains("name=\"next\" value=\"/slos/checkout-journey-success\"");
    }

    @Test
    @DisplayName("the read token signs in through the form: an HttpOnly SameSite=Strict cookie opens the pages, logout ends it")
    void loginForm() throws Exception {
        HttpResponse<String> wrong = signIn(TestCoordinator.EU_TOKEN, "/");
        HttpResponse<String> right = signIn(READ_TOKEN, "/journeys");
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That token does not open this dashboard");
        assertThat(right.statusCode()).isEqualTo(303);
        assertThat(right.headers().firstValue("Location")).contains("/journeys");
        assertThat(cookie).startsWith(Sessions.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/journeys", "Cookie", session).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/slos", "Cookie", session).statusCode()).isEqualTo(200);

        client.send(HttpRequest.newBuilder(URI.create(coordinator.url("/logout"))).header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get("/journeys", "Cookie", session).statusCode()).isEqualTo(303);
    }

    @Test
    @DisplayName("Basic auth with the read token as password works; an agent token reads nothing; login never redirects off-site")
    void basicAuthAndAgentTokens() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("sre:" + READ_TOKEN).getBytes(StandardCharsets.UTF_8));

        assertThat(get("/", "Authorization", basic).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/slos", "Authorization", "Bearer " + READ_TOKEN).statusCode()).isEqualTo(200);
        HttpResponse<String> agent = get("/api/v1/slos", "Authorization", "Bearer " + TestCoordinator.EU_TOKEN);
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(agent.body()).isEqualTo("{\"error\":\"an agent token does not open reads: use the read or admin token\"}");
        assertThat(signIn(READ_TOKEN, "//evil.example/").headers().firstValue("Location")).contains("/");
    }
}
