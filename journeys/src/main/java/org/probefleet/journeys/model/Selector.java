package org.probefleet.journeys.model;

/** How a browser step finds an element, in the order Playwright recommends: role first, CSS last. */
public sealed interface Selector {

    /** A short readable form for timelines and error messages, e.g. {@code role=button[name="Pay now"]}. */
    String describe();

    record Role(String role, String name) implements Selector {
        @Override
        public String describe() {
            return "role=" + role + (name == null ? "" : "[name=\"" + name + "\"]");
        }
    }

    record Text(String text) implements Selector {
        @Override
        public String describe() {
            return "text=\"" + text + "\"";
        }
    }

    record Label(String label) implements Selector {
        @Override
        public String describe() {
            return "label=\"" + label + "\"";
        }
    }

    record Placeholder(String placeholder) implements Selector {
        @Override
        public String describe() {
            return "placeholder=\"" + placeholder + "\"";
        }
    }

    record TestId(String testId) implements Selector {
        @Override
        public String describe() {
            return "test_id=\"" + testId + "\"";
        }
    }

    record Css(String css) implements Selector {
        @Override
        public String describe() {
            return "css=" + css;
        }
    }
}
