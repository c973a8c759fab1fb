package org.probefleet.prober.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.wire.Conventions;
import org.probefleet.journeys.model.HttpExpect;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.JsonPath;
import org.probefleet.journeys.model.Step;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;
import org.probefleet.prober.run.Excerpt;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.JourneyRunner;
import org.probefleet.prober.run.NetworkError;
import org.probefleet.prober.run.ProberFault;
import org.probefleet.prober.run.Resolver;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.Secrets;

/**
 * Runs HTTP journeys: each step a request with its checks, extracted values feeding later steps.
 * Its constructor is its {@link org.probefleet.prober.run.RunnerFactory}: {@code HttpRunner::new}.
 */
public final class HttpRunner implements JourneyRunner {

    /** Request bodies a journey sends and response bodies its checks read: the target's JSON, nobody else's. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Clock clock;

    public HttpRunner(Clock clock) {
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A check of a step did not hold. */
    static final class CheckFailed extends RuntimeException {
        CheckFailed(String message) {
            super(message);
        }
    }

    @Override
    public RunResult run(Journey journey, RunContext context) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        long deadline = start + journey.timeout().toNanos();
        Resolver resolver = new Resolver(context.secrets(), System::getenv);
        Map<String, String> variables = new HashMap<>();
        List<StepResult> steps = new ArrayList<>();
        String current = null;
        String expectation = null;
        try {
            String base = context.baseUrl().orElseGet(() -> journey.baseUrl().map(url -> resolver.render(url, Map.of())).orElse(""));
            for (Step step : journey.steps()) {
                Step.Request request = (Step.Request) step;
                current = step.name();
                expectation = describe(request);
                long stepStart = System.nanoTime();
                long remainingMs = (deadline - stepStart) / 1_000_000;
                try {
                    if (remainingMs <= 0) {
                        throw new CheckFailed("the journey's timeout of " + journey.timeout().toSeconds() + "s ran out before this step");
                    }
                    perform(request, base, resolver, variables, context, Duration.ofMillis(remainingMs));
                } catch (RuntimeException | IOException e) {
                    steps.add(new StepResult(step.name(), (System.nanoTime() - stepStart) / 1_000_000, Failures.classify(e)));
                    throw e;
                }
                steps.add(new StepResult(step.name(), (System.nanoTime() - stepStart) / 1_000_000, OutcomeStatus.SUCCESS));
            }
            return new RunResult(startedAt, (System.nanoTime() - start) / 1_000_000, OutcomeStatus.SUCCESS, steps,
                    Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended(new ProberFault("the agent stopped during the run"), startedAt, start, steps, current, expectation, context);
        } catch (Exception e) {
            return ended(e, startedAt, start, steps, current, expectation, context);
        }
    }

    private static RunResult ended(Exception error, Instant startedAt, long start, List<StepResult> steps, String current,
                                   String expectation, RunContext context) {
        String message = Failures.oneLine(error, context.secrets());
        return new RunResult(startedAt, (System.nanoTime() - start) / 1_000_000, Failures.classify(error), steps,
                Optional.ofNullable(current), Optional.ofNullable(expectation), Optional.of(message), Map.of());
    }

    private void perform(Step.Request step, String base, Resolver resolver, Map<String, String> variables, RunContext context,
                         Duration timeout) throws IOException, InterruptedException {
        String path = resolver.render(step.request().path(), variables);
        URI uri = URI.create(path.startsWith("http://") || path.startsWith("https://") ? path : base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header(Conventions.REGION_HEADER, context.region())
                .header("User-Agent", Conventions.USER_AGENT_PRODUCT + "/" + Conventions.VERSION + " (synthetic; region=" + context.region() + ")");
        step.request().headers().forEach((name, value) -> request.header(name, resolver.render(value, variables)));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (step.request().json().isPresent()) {
            body = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(render(step.request().json().get(), resolver, variables)));
            if (step.request().headers().keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Content-Type"))) {
                request.header("Content-Type", "application/json");
            }
        } else if (step.request().body().isPresent()) {
            body = HttpRequest.BodyPublishers.ofString(resolver.render(step.request().body().get(), variables));
        }
        request.method(step.request().method(), body);
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CheckFailed(NetworkError.ofJdk(e, uri).toString());
        }
        long latencyMs = (System.nanoTime() - sent) / 1_000_000;
        check(step.expect(), response, latencyMs, step, variables, context.secrets());
    }

    private static void check(HttpExpect expect, HttpResponse<String> response, long latencyMs, Step.Request step,
                              Map<String, String> variables, Secrets secrets) {
        int status = response.statusCode();
        if (expect.status().isPresent() ? status != expect.status().get() : status < 200 || status > 299) {
            throw new CheckFailed("expected HTTP " + expect.status().map(String::valueOf).orElse("2xx") + ", got " + status
                    + " from " + step.request().method() + " " + response.uri().getPath() + body(response, secrets));
        }
        expect.maxLatency().filter(limit -> latencyMs > limit.toMillis()).ifPresent(limit -> {
            throw new CheckFailed("took " + latencyMs + " ms, over max_latency " + limit.toMillis() + " ms");
        });
        expect.bodyContains().filter(text -> !response.body().contains(text)).ifPresent(text -> {
            throw new CheckFailed("the body does not contain \"" + text + "\"" + body(response, secrets));
        });
        if (expect.jsonPath().isEmpty() && step.extract().isEmpty()) {
            return;
        }
        Object document;
        try {
            document = JSON.readValue(response.body(), Object.class);
        } catch (JsonProcessingException e) {
            throw new CheckFailed("the response is not JSON, so JSON paths cannot be checked" + body(response, secrets));
        }
        for (Map.Entry<String, Object> entry : expect.jsonPath().entrySet()) {
            Optional<Object> actual = JsonPath.parse(entry.getKey()).evaluate(document);
            if (actual.isEmpty()) {
                throw new CheckFailed(entry.getKey() + " is missing from the response");
            }
            if (entry.getValue() != HttpExpect.EXISTS && !same(actual.get(), entry.getValue())) {
                throw new CheckFailed(entry.getKey() + " is " + actual.get() + ", expected " + entry.getValue());
            }
        }
        for (Map.Entry<String, String> entry : step.extract().entrySet()) {
            Object value = JsonPath.parse(entry.getValue()).evaluate(document)
                    .orElseThrow(() -> new CheckFailed("cannot extract " + entry.getKey() + ": " + entry.getValue() + " is missing from the response"));
            variables.put(entry.getKey(), String.valueOf(value));
        }
    }

    /** What the target answered, for a failed check's message: the start of the body, masked. */
    private static String body(HttpResponse<String> response, Secrets secrets) {
        return "; body: " + (response.body().isBlank() ? "(empty)" : Excerpt.of(response.body(), Excerpt.BODY_CHARS, secrets));
    }

    /** Compares a JSON value with the text written in YAML: numbers by value, everything else as text. */
    static boolean same(Object actual, Object expected) {
        String wanted = String.valueOf(expected);
        if (actual instanceof Number number) {
            try {
                return Double.parseDouble(wanted) == number.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return String.valueOf(actual).equals(wanted);
    }

    /** The YAML body with every text rendered. */
    private static Object render(Object value, Resolver resolver, Map<String, String> variables) {
        if (value instanceof String text) {
            return resolver.render(text, variables);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            map.forEach((key, item) -> rendered.put(String.valueOf(key), render(item, resolver, variables)));
            return rendered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> render(item, resolver, variables)).toList();
        }
        return value;
    }

    private static String describe(Step.Request step) {
        return step.request().method() + " " + step.request().path() + " expecting HTTP "
                + step.expect().status().map(String::valueOf).orElse("2xx");
    }

    /** Java 17's HttpClient has no close: its connections and threads end when it is collected. */
    @Override
    public void close() {
    }
}
