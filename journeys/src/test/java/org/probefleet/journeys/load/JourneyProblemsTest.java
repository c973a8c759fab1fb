package org.probefleet.journeys.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.probefleet.journeys.model.Expectation;
import org.probefleet.journeys.model.HttpExpect;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Schedule;
import org.probefleet.journeys.model.Selector;
import org.probefleet.journeys.model.Step;

class JourneyProblemsTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an id with capitals", "journey: Check_Out\nsteps: [ {goto: /} ]\n",
                        "j.yaml:1:10: journey id 'Check_Out' must be lower-case letters, digits and dashes, like checkout-eu"),
                Arguments.of("an id longer than 63 characters", "journey: " + "a".repeat(64) + "\nsteps: [ {goto: /} ]\n",
                        "j.yaml:1:10: journey id 'aaaaaaaaaaaaaaaaaaaa...' is 64 characters long; an id has at most 63"),
                Arguments.of("a timeout written as a list", "journey: a\ntimeout: [30s]\nsteps: [ {goto: /} ]\n",
                        "j.yaml:2:10: 'timeout' must be a single value, not a list"),
                Arguments.of("retries that is not a number", "journey: a\nretries: twice\nsteps: [ {goto: /} ]\n",
                        "j.yaml:2:10: 'retries' must be a whole number, not 'twice'"),
                Arguments.of("an unknown kind, close to a known one", "journey: a\nkind: htp\nsteps: [ {goto: /} ]\n",
                        "j.yaml:2:7: 'kind' must be one of browser, http, not 'htp' (did you mean 'http'?)"),
                Arguments.of("a spread longer than the interval", "journey: a\nschedule: { every: 1m, spread: 2m }\nsteps: [ {goto: /} ]\n",
                        "j.yaml:2:32: spread 2m is longer than the interval; it must be at most 'every'"),
                Arguments.of("a cron without ?", "journey: a\nschedule: { cron: \"0 */5 * * * *\" }\nsteps: [ {goto: /} ]\n",
                        "j.yaml:2:19: Quartz needs '?' in day-of-month or day-of-week, e.g. \"0 0 * * * ?\""),
                Arguments.of("a cron with five fields", "journey: a\nschedule: { cron: \"*/5 * * * ?\" }\nsteps: [ {goto: /} ]\n",
                        "j.yaml:2:19: a Quartz cron expression has 6 or 7 fields (seconds minutes hours day-of-month month day-of-week [year]), this one has 5; e.g. \"0 */5 * * * ?\""),
                Arguments.of("a misspelt step kind", "journey: a\nsteps:\n  - clik: { text: Buy }\n",
                        "j.yaml:3:5: unknown step kind 'clik' (did you mean 'click'?): a browser step is one of goto, click, fill, press, select, expect"),
                Arguments.of("a step doing two things", "journey: a\nsteps:\n  - goto: /\n    click: { text: Buy }\n",
                        "j.yaml:3:5: step 1 does goto and click: a step does one thing, so split it into 2 steps"),
                Arguments.of("an unknown ARIA role", "journey: a\nsteps:\n  - click: { role: buton, name: Buy }\n",
                        "j.yaml:3:20: unknown ARIA role 'buton' (did you mean 'button'?); common ones: button, link, textbox, heading, checkbox"),
                Arguments.of("two selectors at once", "journey: a\nsteps:\n  - click: { text: Buy, css: .buy }\n",
                        "j.yaml:3:12: 'click' has text and css: give exactly one selector"),
                Arguments.of("an unbalanced CSS selector", "journey: a\nsteps:\n  - click: { css: \"button[name=buy\" }\n",
                        "j.yaml:3:19: malformed CSS selector 'button[name=buy': unclosed '['"),
                Arguments.of("name without a role", "journey: a\nsteps:\n  - click: { text: Buy, name: x }\n",
                        "j.yaml:3:25: 'name' narrows a role selector; with text leave it out"),
                Arguments.of("a fill without a value", "journey: a\nsteps:\n  - fill: { label: Email }\n",
                        "j.yaml:3:11: 'fill' is missing 'value'"),
                Arguments.of("an unclosed reference", "journey: a\nsteps:\n  - fill: { label: Email, value: \"${secret:EMAIL\" }\n",
                        "j.yaml:3:34: unclosed reference '${secret:EMAIL': close it with }"),
                Arguments.of("an unknown reference scheme", "journey: a\nsteps:\n  - fill: { label: Email, value: \"${vault:EMAIL}\" }\n",
                        "j.yaml:3:34: malformed reference '${vault:EMAIL}': use ${env:NAME}, ${env:NAME:-default}, ${secret:NAME} or ${variable}"),
                Arguments.of("a variable in a browser journey", "journey: a\nsteps:\n  - goto: /items/${item}\n",
                        "j.yaml:3:11: '${item}' is not extracted by an earlier step; for the environment write ${env:item}"),
                Arguments.of("a goto that is neither path nor URL", "journey: a\nsteps:\n  - goto: checkout\n",
                        "j.yaml:3:11: goto 'checkout' must be a path starting with / or an http(s) URL"),
                Arguments.of("an expect with two expectations", "journey: a\nsteps:\n  - expect: { text: Done, title: Shop }\n",
                        "j.yaml:3:13: 'expect' has text and title: one expectation per step"),
                Arguments.of("no steps", "journey: a\n", "j.yaml:1:1: journey has no 'steps' (or a 'class' for a Java journey)"),
                Arguments.of("steps and a class", "journey: a\nclass: com.example.A\nsteps: [ {goto: /} ]\n",
                        "j.yaml:3:1: a journey has 'steps' or a 'class', not both"),
                Arguments.of("a repeated step name", "journey: a\nsteps:\n  - { name: home, goto: / }\n  - { name: home, goto: /cart }\n",
                        "j.yaml:4:13: step name 'home' is already used at line 3: step names label metrics, so make them unique"),
                Arguments.of("a repeated key", "journey: a\nretries: 1\nretries: 2\nsteps: [ {goto: /} ]\n",
                        "j.yaml:3:1: key 'retries' appears twice (first at line 2)"),
                Arguments.of("a browser action in an http journey", "journey: a\nkind: http\nsteps:\n  - click: { text: Buy }\n",
                        "j.yaml:4:5: 'click' is a browser step, but this journey is kind: http; an http step has request, expect, extract"),
                Arguments.of("a variable used before it is extracted",
                        "journey: a\nkind: http\nsteps:\n  - request: { path: \"/cart/${cart}\" }\n  - request: { path: /cart }\n    extract: { cart: $.id }\n",
                        "j.yaml:4:22: '${cart}' is not extracted by an earlier step; for the environment write ${env:cart}"),
                Arguments.of("a malformed JSON path", "journey: a\nkind: http\nsteps:\n  - request: { path: / }\n    extract: { id: \"items[0]\" }\n",
                        "j.yaml:5:20: JSON path 'items[0]' must start with $, like $.items[0].id"),
                Arguments.of("an HTTP status out of range", "journey: a\nkind: http\nsteps:\n  - request: { path: / }\n    expect: { status: 700 }\n",
                        "j.yaml:5:23: status 700 is not an HTTP status (100-599)"),
                Arguments.of("an unknown HTTP method", "journey: a\nkind: http\nsteps:\n  - request: { method: FETCH, path: / }\n",
                        "j.yaml:4:24: unknown HTTP method 'FETCH': use one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"),
                Arguments.of("two documents in a file", "journey: a\nsteps: [ {goto: /} ]\n---\njourney: b\nsteps: [ {goto: /} ]\n",
                        "j.yaml:4:1: one document per file: move this one (after ---) into a file of its own"),
                Arguments.of("no top-level kind", "jorney: a\n",
                        "j.yaml:1:1: not a definition: expected a top-level journey:, slo: or policy: key (did you mean 'journey'?)"),
                Arguments.of("an empty file", "# nothing\n", "j.yaml:1:1: empty file: expected a document with a top-level journey:, slo: or policy: key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("each mistake in a journey file is reported once, at its place")
    void reportsMistake(String description, String yaml, String expected) {
        assertThat(Files.problems("j.yaml", yaml)).containsExactly(expected);
    }

    @Test
    @DisplayName("every problem of a file is reported, not just the first")
    void reportsAllProblems() {
        assertThat(Files.problems("j.yaml", "journey: a\nshedule: 1m\nretries: many\nsteps:\n  - tap: x\n")).containsExactly(
                "j.yaml:2:1: unknown key 'shedule' (did you mean 'schedule'?)",
                "j.yaml:3:10: 'retries' must be a whole number, not 'many'",
                "j.yaml:5:5: unknown step kind 'tap': a browser step is one of goto, click, fill, press, select, expect");
    }

    @Test
    @DisplayName("defaults: every minute spread over the minute, 30s timeout, no retries, all regions, live")
    void defaults() {
        Journey journey = Files.load("j.yaml", "journey: a\nsteps: [ {goto: /} ]\n").definitions().journeys().get(0);

        assertThat(journey.schedule()).isEqualTo(new Schedule.Every(java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(1)));
        assertThat(journey.timeout()).hasSeconds(30);
        assertThat(journey.retries()).isZero();
        assertThat(journey.runsIn("anywhere")).isTrue();
        assertThat(journey.steps().get(0).name()).isEqualTo("goto /");
    }

    @Test
    @DisplayName("selectors and expectations are read into their typed forms")
    void typedSteps() {
        Journey journey = Files.load("j.yaml", """
                journey: a
                steps:
                  - click: Buy now
                  - click: { role: button, name: Pay }
                  - fill: { placeholder: Search, value: lamp }
                  - press: { test_id: q, key: Enter }
                  - select: { label: Size, option: XL }
                  - expect: { url: "**/orders/*" }
                  - expect: { count: { css: .line, equals: 2 }, within: 2s }
                """).definitions().journeys().get(0);

        assertThat(journey.steps()).containsExactly(
                new Step.Click("click text=\"Buy now\"", new Selector.Text("Buy now")),
                new Step.Click("click role=button[name=\"Pay\"]", new Selector.Role("button", "Pay")),
                new Step.Fill("fill placeholder=\"Search\"", new Selector.Placeholder("Search"), "lamp"),
                new Step.Press("press Enter in test_id=\"q\"", new Selector.TestId("q"), "Enter"),
                new Step.Choose("select \"XL\" in label=\"Size\"", new Selector.Label("Size"), "XL"),
                new Step.Expect("expect url matches \"**/orders/*\"", new Expectation.UrlMatches("**/orders/*"), java.util.Optional.empty()),
                new Step.Expect("expect 2 × css=.line", new Expectation.Count(new Selector.Css(".line"), 2),
                        java.util.Optional.of(java.time.Duration.ofSeconds(2))));
    }

    @Test
    @DisplayName("a count's selector reads the same inline or under 'selector', and giving both is one problem")
    void countSelectorForms() {
        LoadResult loaded = Files.load("j.yaml", """
                journey: a
                steps:
                  - expect: { count: { css: li.item, equals: 1 } }
                  - name: nested
                    expect: { count: { selector: { css: li.item }, equals: 1 } }
                  - expect: { count: { selector: Sold out, equals: 0 } }
                """);

        assertThat(loaded.problems()).isEmpty();
        Expectation inline = ((Step.Expect) loaded.definitions().journeys().get(0).steps().get(0)).expectation();
        assertThat(loaded.definitions().journeys().get(0).steps()).extracting(step -> ((Step.Expect) step).expectation())
                .containsExactly(inline, inline, new Expectation.Count(new Selector.Text("Sold out"), 0));
        assertThat(Files.load("k.yaml", "journey: k\nsteps:\n  - expect: { count: { selector: { css: li }, css: li, equals: 1 } }\n")
                .problems()).map(Object::toString).containsExactly(
                "k.yaml:3:47: 'count' has both 'selector' and 'css': give the selector once, inline or under 'selector'");
    }

    @Test
    @DisplayName("an http step keeps its JSON body as data and its checks as typed values")
    void httpStep() {
        Journey journey = Files.load("j.yaml", """
                journey: a
                kind: http
                steps:
                  - request: { method: post, path: /api, headers: { X-Token: "${secret:TOKEN}" }, json: { n: 1, ok: true, tags: [a] } }
                    expect: { status: 201, json_path: { "$.id": "7" }, body_contains: ok, max_latency: 500ms }
                """).definitions().journeys().get(0);
        Step.Request step = (Step.Request) journey.steps().get(0);

        assertThat(step.request().method()).isEqualTo("POST");
        assertThat(step.request().headers()).containsEntry("X-Token", "${secret:TOKEN}");
        assertThat(step.request().json()).contains(java.util.Map.of("n", 1L, "ok", true, "tags", java.util.List.of("a")));
        assertThat(step.expect()).isEqualTo(new HttpExpect(java.util.Optional.of(201), java.util.Map.of("$.id", "7"),
                java.util.Optional.of("ok"), java.util.Optional.of(java.time.Duration.ofMillis(500))));
    }
}
