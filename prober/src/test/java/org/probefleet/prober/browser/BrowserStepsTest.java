package org.probefleet.prober.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.Shop;
import org.probefleet.prober.run.Evidence;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.ScriptedRunner;
import org.probefleet.prober.run.Secrets;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.wire.outcome.StepResult;

/** YAML browser steps in real Chromium against the demo shop: URL globs as Playwright matches them, and failures that say what was there. */
class BrowserStepsTest {

    static Shop shop;
    static BrowserRunner runner;

    @BeforeAll
    static void start() throws Exception {
        shop = new Shop();
        runner = new BrowserRunner(BrowserSettings.defaults(Optional.empty()), ScriptedRunner.CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
        shop.close();
    }

    static Journey journey(String steps) {
        return DefinitionLoader.load(List.of(new SourceFile("steps.yaml", "journey: steps\nkind: browser\nsteps:\n" + steps)))
                .definitions().journeys().get(0);
    }

    static RunResult run(BrowserRunner with, String steps) {
        RunContext context = new RunContext("eu-west", "eu-west-1", Optional.of(shop.url()), new Secrets(name -> null, Map.of()),
                Path.of("unused"), Evidence.NONE);
        return with.run(journey(steps), context);
    }

    static Stream<Arguments> matchingUrls() {
        return Stream.of(
                Arguments.of("a path: the order page after a checkout, the README's example", """
                          - goto: /
                          - click: { role: button, name: "Add to cart" }
                          - click: { role: link, name: "Checkout" }
                          - fill: { label: Email, value: buyer@probefleet.test }
                          - fill: { label: Card number, value: "4242 4242 4242 4242" }
                          - click: { role: button, name: "Pay now" }
                        """, "**/orders/*"),
                Arguments.of("a query: '?' is a literal, '*' any value", "  - goto: /search?q=mug\n", "**/search?q=*"),
                Arguments.of("a fragment after the path's slash", "  - goto: /#/completed\n", "**/#/completed"),
                Arguments.of("a fragment, anything before it", "  - goto: /#/completed\n", "**completed"),
                Arguments.of("a path relative to the base URL", "  - goto: /cart\n", "/cart"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matchingUrls")
    @DisplayName("a url expectation passes, without waiting, on a page whose URL matches the glob")
    void urlMatches(String description, String steps, String glob) {
        RunResult result = run(runner, steps + "  - name: url\n    expect: { url: \"" + glob + "\", within: 5s }\n");

        assertThat(result.status()).as(result.error().orElse("")).isEqualTo(OutcomeStatus.SUCCESS);
        StepResult url = result.steps().get(result.steps().size() - 1);
        assertThat(url.durationMs()).isLessThan(1_000);
    }

    @Test
    @DisplayName("a url expectation that does not match fails within its 'within', naming the URL the page had")
    void urlDoesNotMatch() {
        RunResult result = run(runner, "  - goto: /cart\n  - name: url\n    expect: { url: \"**/orders/*\", within: 1s }\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue("expected the URL to match \"**/orders/*\" within 1s, but it was " + shop.url() + "/cart");
        assertThat(result.steps().get(1).durationMs()).isBetween(1_000L, 3_000L);
    }

    static Stream<Arguments> failedExpectations() {
        return Stream.of(
                Arguments.of("a text not found names the visible line closest to it", "text: \"Yuor cart\"",
                        "expected the text \"Yuor cart\" visible within 1s, but it was not; the closest visible text is \"Your cart\""),
                Arguments.of("a title names the title the page had", "title: Checkout",
                        "expected the title to contain \"Checkout\" within 1s, but it was \"Cart · Demo Shop\""),
                Arguments.of("an element not visible says nothing matched", "visible: { role: button, name: \"Pay now\" }",
                        "expected role=button[name=\"Pay now\"] visible within 1s, but nothing matched"),
                Arguments.of("a count names the count found", "count: { css: table, equals: 1 }",
                        "expected 1 element matching css=table within 1s, but found 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failedExpectations")
    @DisplayName("a failed expectation on the empty cart names what it expected and what the page showed")
    void expectationFails(String description, String expectation, String error) {
        RunResult result = run(runner, "  - goto: /cart\n  - expect: { " + expectation + ", within: 1s }\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue(error);
    }

    @Test
    @DisplayName("a click on an element that is not there says nothing matched, within the step's timeout")
    void clickOnNothing() {
        try (BrowserRunner quick = new BrowserRunner(new BrowserSettings(ChromiumLocator.find(Optional.empty()), BrowserSettings.DEFAULT_ARGS,
                Duration.ofSeconds(1)), ScriptedRunner.CLOCK)) {
            RunResult result = run(quick, "  - goto: /cart\n  - click: { role: button, name: \"Pay now\" }\n");

            assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
            assertThat(result.error()).hasValue("could not click role=button[name=\"Pay now\"] within 1s: nothing matched");
        }
    }

    @Test
    @DisplayName("a page on a closed port fails with 'connection refused' and the host and port, as an HTTP step does")
    void connectionRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        RunResult result = run(runner, "  - goto: http://127.0.0.1:" + closed + "/\n");

        assertThat(result.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(result.error()).hasValue("connection refused: 127.0.0.1:" + closed);
    }
}
