package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an anonymous or misbehaving client can make the coordinator do: nothing it did not ask for. */
class HostileClientTest {

    @TempDir
    Path folder;
    TestCoordinator coordinator;
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, new TestClock(Instant.parse("2026-11-28T12:00:00Z")));
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(coordinator.url(path))).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static byte[] multipart(int size) {
        byte[] filler = new byte[size];
        Arrays.fill(filler, (byte) 'x');
        String head = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.zip\"\r\nContent-Type: application/zip\r\n\r\n";
        byte[] start = head.getBytes();
        byte[] end = "\r\n--b--\r\n".getBytes();
        byte[] all = new byte[start.length + size + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(filler, 0, all, start.length, size);
        System.arraycopy(end, 0, all, start.length + size, end.length);
        return all;
    }

    @Test
    @DisplayName("multipart uploads without a token are 401 and write no file anywhere")
    void anonymousUploadsWriteNothing() throws Exception {
        Path uploads = Path.of("file-uploads");
        boolean existedBefore = Files.exists(uploads);

        for (String path : new String[] {"/api/v1/artifacts/x1.zip", "/api/v1/journeys"}) {
            HttpResponse<String> response = send("PUT", path, null, "multipart/form-data; boundary=b", multipart(512 * 1024));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).startsWith("{\"error\":");
        }

        assertThat(Files.exists(uploads)).as("a file-uploads folder in the working directory").isEqualTo(existedBefore);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString))
                    .noneMatch(name -> name.contains("artifacts") || name.contains("upload"));
        }
    }

    @Test
    @DisplayName("form-encoded and multipart bodies to JSON endpoints are 415 in JSON, even with a valid token")
    void onlyJsonWhereJsonIsExpected() throws Exception {
        HttpResponse<String> form = send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN,
                "application/x-www-form-urlencoded", "a=1&b=2".getBytes());
        HttpResponse<String> upload = send("PUT", "/api/v1/journeys", TestCoordinator.ADMIN_TOKEN,
                "multipart/form-data; boundary=b", multipart(1024));

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).isEqualTo("{\"error\":\"send application/json (Content-Type: application/json),"
                + " not application/x-www-form-urlencoded\"}");
        assertThat(upload.statusCode()).isEqualTo(415);
    }

    @Test
    @DisplayName("a body over the endpoint's limit is 413 in JSON")
    void oversizedBodiesAnswerJson() throws Exception {
        byte[] big = new byte[(int) OutcomeRoutes.MAX_BODY + 10];
        Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';

        HttpResponse<String> response = send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, "application/json", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"error\":\"the body is larger than this endpoint takes\"}");
    }

    @Test
    @DisplayName("an agent writes only its own artifacts: another agent cannot replace one, and the original reads back")
    void artifactsBelongToTheirAgent() throws Exception {
        HttpResponse<String> mine = send("PUT", "/api/v1/artifacts/run-1-screenshot.png", TestCoordinator.EU_TOKEN, "image/png",
                "original evidence".getBytes());
        HttpResponse<String> theirs = send("PUT", "/api/v1/artifacts/run-1-screenshot.png", TestCoordinator.US_TOKEN, "image/png",
                "forged".getBytes());
        HttpResponse<String> again = send("PUT", "/api/v1/artifacts/run-1-screenshot.png", TestCoordinator.EU_TOKEN, "image/png",
                "second attempt".getBytes());

        assertThat(mine.statusCode()).isEqualTo(201);
        assertThat(mine.body()).isEqualTo("{\"id\":\"run-1-screenshot.png\",\"bytes\":17}");
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(theirs.body()).contains("belongs to another agent");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(coordinator.send("GET", "/api/v1/artifacts/run-1-screenshot.png", null, null).body()).isEqualTo("second attempt");
    }

    @Test
    @DisplayName("an artifact over the size limit is refused with 413 and leaves no file")
    void oversizedArtifact() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];

        HttpResponse<String> response = send("PUT", "/api/v1/artifacts/huge.zip", TestCoordinator.EU_TOKEN, "application/zip", big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("{\"error\":\"an artifact may have at most 1048576 bytes");
        assertThat(coordinator.send("GET", "/api/v1/artifacts/huge.zip", null, null).statusCode()).isEqualTo(404);
    }
}
