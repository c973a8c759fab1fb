package org.probefleet.coordinator.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The HTTP client the command line uses to talk to a running coordinator. */
final class CoordinatorClient {

    static final String DEFAULT_URL = "http://localhost:8080";

    /** Why a call could not be made or answered; the message says what to check. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    private final URI base;
    private final Optional<String> token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CoordinatorClient(String base, Optional<String> token) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
        this.token = token;
    }

    /** The token from a file, or from an environment variable; never from a flag, so it stays out of shell history. */
    static Optional<String> token(Path file, String variable) throws IOException {
        if (file != null) {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        }
        return Optional.ofNullable(System.getenv(variable)).map(String::trim).filter(value -> !value.isEmpty());
    }

    HttpResponse<String> send(String method, String path, String body) throws Unreachable {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unreachable("cannot connect to the coordinator at " + base + ": is it running? (--coordinator URL)");
        } catch (IOException e) {
            throw new Unreachable("the coordinator at " + base + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }
}
