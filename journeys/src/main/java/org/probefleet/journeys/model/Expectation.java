package org.probefleet.journeys.model;

/** What a browser {@code expect} step waits for. */
public sealed interface Expectation {

    String describe();

    /** Visible text somewhere on the page. */
    record TextVisible(String text) implements Expectation {
        @Override
        public String describe() {
            return "text \"" + text + "\" visible";
        }
    }

    /** The page URL matches a Playwright URL glob ({@code **} any characters, {@code *} any but '/'), relative to the base URL. */
    record UrlMatches(String pattern) implements Expectation {
        @Override
        public String describe() {
            return "url matches \"" + pattern + "\"";
        }
    }

    record TitleContains(String title) implements Expectation {
        @Override
        public String describe() {
            return "title contains \"" + title + "\"";
        }
    }

    record Visible(Selector target) implements Expectation {
        @Override
        public String describe() {
            return target.describe() + " visible";
        }
    }

    record Count(Selector target, int count) implements Expectation {
        public Count {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, got " + count);
            }
        }

        @Override
        public String describe() {
            return count + " × " + target.describe();
        }
    }
}
