package org.probefleet.coordinator.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link PrometheusQueries} over Prometheus' HTTP API; an answer other than a vector or scalar is an error. */
final class HttpPrometheus implements PrometheusQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    HttpPrometheus(URI base, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<Sample> query(String query, Instant at) throws IOException {
        String seconds = at.getEpochSecond() + "." + String.format("%03d", at.getNano() / 1_000_000);
        URI uri = base.resolve("api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time=" + seconds);
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while querying " + base, e);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("Prometheus at " + base + " answered HTTP " + response.statusCode() + " without JSON", e);
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new IOException("Prometheus at " + base + " refused the query (HTTP " + response.statusCode() + "): "
                    + body.path("error").asText("no error given"));
        }
        return samples(body.path("data"));
    }

    private static List<Sample> samples(JsonNode data) throws IOException {
        String type = data.path("resultType").asText();
        if (type.equals("scalar")) {
            return List.of(new Sample(Map.of(), value(data.path("result"))));
        }
        if (!type.equals("vector")) {
            throw new IOException("the query gives a " + type + ", not an instant vector or scalar");
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            series.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            samples.add(new Sample(labels, value(series.path("value"))));
        }
        return samples;
    }

    /** A {@code [timestamp, "value"]} pair's value: Prometheus writes numbers as strings, NaN and ±Inf included. */
    private static double value(JsonNode pair) {
        return Double.parseDouble(pair.path(1).asText("NaN").replace("Inf", "Infinity"));
    }
}
