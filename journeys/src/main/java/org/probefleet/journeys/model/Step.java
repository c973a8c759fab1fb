package org.probefleet.journeys.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One named, timed step of a journey: exactly one action. */
public sealed interface Step {

    String name();

    /** What the step does, for timelines: {@code click role=button[name="Pay now"]}. */
    String describe();

    /** The same step under another name. */
    Step withName(String name);

    record Goto(String name, String url) implements Step {
        @Override
        public Step withName(String name) {
            return new Goto(name, url);
        }

        @Override
        public String describe() {
            return "goto " + url;
        }
    }

    record Click(String name, Selector target) implements Step {
        @Override
        public Step withName(String name) {
            return new Click(name, target);
        }

        @Override
        public String describe() {
            return "click " + target.describe();
        }
    }

    /** Types {@code value} into a field; values holding secrets are masked wherever the step is shown. */
    record Fill(String name, Selector target, String value) implements Step {
        @Override
        public Step withName(String name) {
            return new Fill(name, target, value);
        }

        @Override
        public String describe() {
            return "fill " + target.describe();
        }
    }

    /** Presses a key (Playwright key names: Enter, Tab, ArrowDown…) in an element. */
    record Press(String name, Selector target, String key) implements Step {
        @Override
        public Step withName(String name) {
            return new Press(name, target, key);
        }

        @Override
        public String describe() {
            return "press " + key + " in " + target.describe();
        }
    }

    /** Chooses an option, by value or label, in a {@code <select>}. */
    record Choose(String name, Selector target, String option) implements Step {
        @Override
        public Step withName(String name) {
            return new Choose(name, target, option);
        }

        @Override
        public String describe() {
            return "select \"" + option + "\" in " + target.describe();
        }
    }

    /** Waits up to {@code within} for the expectation; empty means the journey's step default. */
    record Expect(String name, Expectation expectation, Optional<Duration> within) implements Step {
        @Override
        public Step withName(String name) {
            return new Expect(name, expectation, within);
        }

        @Override
        public String describe() {
            return "expect " + expectation.describe();
        }
    }

    /** An HTTP request with its checks, and values extracted from a JSON response for later steps. */
    record Request(String name, HttpRequest request, HttpExpect expect, Map<String, String> extract) implements Step {
        public Request {
            extract = Map.copyOf(extract);
        }

        @Override
        public Step withName(String name) {
            return new Request(name, request, expect, extract);
        }

        @Override
        public String describe() {
            return request.method() + " " + request.path();
        }
    }
}
