package org.probefleet.coordinator.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeJson;
import org.probefleet.wire.outcome.OutcomeStatus;

/** Every JSON body the coordinator takes is one value with each key once; text must be valid Unicode to be stored. */
class StrictBodiesTest {

    @TempDir
    Path folder;
    TestCoordinator coordinator;

    @BeforeEach
    void start() throws Exception {
        coordinator = new TestCoordinator(folder, new TestClock(IngestApiTest.NOW));
    }

    @AfterEach
    void stop() throws Exception {
        coordinator.close();
    }

    static Outcome outcome() {
        return IngestApiTest.outcome("eu-west-1", "eu-west", IngestApiTest.NOW.minusSeconds(30), OutcomeStatus.FAILURE);
    }

    HttpResponse<String> post(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(coordinator.url("/api/v1/outcomes"))).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestCoordinator.EU_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return coordinator.client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a lone surrogate, escaped or as raw bytes, is refused with the field and the code unit, and nothing is stored")
    void loneSurrogates() throws Exception {
        Outcome outcome = outcome();
        String valid = OutcomeJson.write(outcome).toString();
        String escaped = "[" + valid.replace("\"error\":\"expected", "\"error\":\"x\\ud800y expected") + "]";
        byte[] raw = ("[" + valid.replace("\"failedStep\":\"pay\"", "\"failedStep\":\"p#y\"") + "]").getBytes(StandardCharsets.UTF_8);
        int hash = new String(raw, StandardCharsets.ISO_8859_1).indexOf('#');
        byte[] cesu = new byte[raw.length + 2];
        System.arraycopy(raw, 0, cesu, 0, hash);
        cesu[hash] = (byte) 0xED;
        cesu[hash + 1] = (byte) 0xB0;
        cesu[hash + 2] = (byte) 0x80;
        System.arraycopy(raw, hash + 1, cesu, hash + 3, raw.length - hash - 1);

        HttpResponse<String> first = post(escaped.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> second = post(cesu);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(first).get("problems").get(0).asText())
                .isEqualTo("outcomes[0].error: text with an unpaired surrogate (\\ud800): send valid UTF-16/UTF-8");
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(second).get("problems").get(0).asText())
                .isEqualTo("outcomes[0].failedStep: text with an unpaired surrogate (\\udc00): send valid UTF-16/UTF-8");
        assertThat(coordinator.send("GET", "/api/v1/outcomes/" + outcome.runId(), null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a paired surrogate (an emoji) is stored as sent, so resending it is a duplicate, not a conflict")
    void pairedSurrogatesRoundTrip() throws Exception {
        String body = "[" + OutcomeJson.write(outcome()).toString().replace("\"error\":\"expected", "\"error\":\"\\ud83d\\ude00 expected") + "]";

        HttpResponse<String> first = post(body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> again = post(body.getBytes(StandardCharsets.UTF_8));

        assertThat(first.body()).isEqualTo("{\"accepted\":1,\"duplicates\":0}");
        assertThat(again.body()).isEqualTo("{\"accepted\":0,\"duplicates\":1}");
    }

    @Test
    @DisplayName("syntax errors say where: the problems name the line and column")
    void syntaxErrorsSayWhere() throws Exception {
        HttpResponse<String> response = coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, "[{\"runId\": x}]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(response).get("error").asText()).isEqualTo("the body is not JSON: send a JSON array of outcomes");
        assertThat(coordinator.json(response).get("problems").get(0).asText()).startsWith("line 1, column 14: Unrecognized token 'x'");
    }

    @Test
    @DisplayName("a heartbeat with a key twice or content after it is 400 with what and where")
    void heartbeats() throws Exception {
        HttpResponse<String> twice = coordinator.send("POST", "/api/v1/agents/heartbeat", TestCoordinator.EU_TOKEN,
                "{\"version\":\"0.1.0\",\"capacity\":2,\"capacity\":9}");
        HttpResponse<String> more = coordinator.send("POST", "/api/v1/agents/heartbeat", TestCoordinator.EU_TOKEN,
                "{\"version\":\"0.1.0\"}{}");

        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(twice).get("error").asText())
                .isEqualTo("duplicate key 'capacity' in the heartbeat, at line 1, column 43: send each key once");
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(coordinator.json(more).get("error").asText())
                .isEqualTo("the body has more after the JSON object, at line 1, column 20: send exactly one JSON object");
    }

    @Test
    @DisplayName("a definitions push or a gate override with trailing content or a key twice is refused and changes nothing")
    void adminBodies() throws Exception {
        HttpResponse<String> push = coordinator.send("PUT", "/api/v1/journeys", TestCoordinator.ADMIN_TOKEN,
                "{\"files\":[{\"name\":\"a.yaml\",\"content\":\"journey: a\"}]} trailing");
        HttpResponse<String> nested = coordinator.send("PUT", "/api/v1/journeys", TestCoordinator.ADMIN_TOKEN,
                "{\"files\":[{\"name\":\"a.yaml\",\"name\":\"b.yaml\"}]}");
        HttpResponse<String> override = coordinator.send("PUT", "/api/v1/slos/checkout-journey-success/gate/override",
                TestCoordinator.ADMIN_TOKEN, "{\"allowed\":true,\"reason\":\"hotfix\",\"by\":\"alice\",\"expires\":\"4h\",\"allowed\":false}");

        assertThat(List.of(push.statusCode(), nested.statusCode(), override.statusCode())).containsOnly(400);
        assertThat(coordinator.json(push).get("error").asText())
                .isEqualTo("the body has more after the JSON object, at line 1, column 54: send exactly one JSON object");
        assertThat(coordinator.json(nested).get("error").asText())
                .isEqualTo("duplicate key 'name' in files[0], at line 1, column 34: send each key once");
        assertThat(coordinator.json(override).get("error").asText())
                .isEqualTo("duplicate key 'allowed' in the override, at line 1, column 72: send each key once");
        assertThat(coordinator.json(coordinator.send("GET", "/api/v1/slos/checkout-journey-success/gate", null, null))
                .has("override")).isFalse();
    }

    @Test
    @DisplayName("nothing of a refused batch is stored: the valid outcome before the bad tail reads back 404")
    void refusedBatchStoresNothing() throws Exception {
        UUID runId = outcome().runId();
        String valid = OutcomeJson.write(outcome()).toString().replaceAll("\"runId\":\"[^\"]+\"", "\"runId\":\"" + runId + "\"");

        HttpResponse<String> response = coordinator.send("POST", "/api/v1/outcomes", TestCoordinator.EU_TOKEN, "[" + valid + "]]]garbage");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(coordinator.send("GET", "/api/v1/outcomes/" + runId, null, null).statusCode()).isEqualTo(404);
    }
}
