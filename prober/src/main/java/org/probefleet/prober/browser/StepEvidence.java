package org.probefleet.prober.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.math.BigDecimal;
import java.util.function.Function;
import org.probefleet.journeys.model.Expectation;
import org.probefleet.journeys.model.Selector;
import org.probefleet.journeys.model.Step;
import org.probefleet.prober.run.Excerpt;
import org.probefleet.prober.run.Secrets;

/**
 * What the page showed when a step ran out of time, read right after: the message of a failed step
 * names what it expected and what it found (the URL, the closest visible text, how many matched).
 */
final class StepEvidence {

    /** Enough of a line of the page to recognise it in a one-line error. */
    static final int SHOWN_CHARS = 80;

    private final Page page;
    private final Function<Selector, Locator> locate;
    private final Secrets secrets;

    StepEvidence(Page page, Function<Selector, Locator> locate, Secrets secrets) {
        this.page = page;
        this.locate = locate;
        this.secrets = secrets;
    }

    /** Why {@code step} did not complete within {@code timeoutMs}, with what the page showed instead. */
    String explain(Step step, double timeoutMs) {
        String within = " within " + seconds(timeoutMs);
        if (step instanceof Step.Expect expect) {
            return explain(expect.expectation(), within);
        }
        if (step instanceof Step.Goto go) {
            return "the page " + go.url() + " did not load" + within + "; the page was at " + page.url();
        }
        Selector target = step instanceof Step.Click click ? click.target()
                : step instanceof Step.Fill fill ? fill.target()
                : step instanceof Step.Press press ? press.target()
                : ((Step.Choose) step).target();
        return "could not " + step.describe() + within + ": " + found(target, step);
    }

    private String explain(Expectation expectation, String within) {
        if (expectation instanceof Expectation.UrlMatches url) {
            return "expected the URL to match \"" + url.pattern() + "\"" + within + ", but it was " + page.url();
        }
        if (expectation instanceof Expectation.TextVisible text) {
            String visible = (String) page.evaluate("() => document.body ? document.body.innerText : ''");
            return "expected the text \"" + text.text() + "\" visible" + within + ", but it was not; "
                    + ClosestText.among(text.text(), visible)
                            .map(line -> "the closest visible text is \"" + Excerpt.of(line, SHOWN_CHARS, secrets) + "\"")
                            .orElse("the page shows no text");
        }
        if (expectation instanceof Expectation.TitleContains title) {
            return "expected the title to contain \"" + title.title() + "\"" + within + ", but it was \"" + page.title() + "\"";
        }
        if (expectation instanceof Expectation.Visible visible) {
            int matched = locate.apply(visible.target()).count();
            return "expected " + visible.target().describe() + " visible" + within + ", but "
                    + (matched == 0 ? "nothing matched" : matched + " matched and the first was hidden");
        }
        Expectation.Count count = (Expectation.Count) expectation;
        return "expected " + count.count() + (count.count() == 1 ? " element" : " elements") + " matching " + count.target().describe() + within + ", but found "
                + locate.apply(count.target()).count();
    }

    /** How many elements the step's selector matched, and for one, why it could not act on it. */
    private String found(Selector target, Step step) {
        Locator matches = locate.apply(target);
        int matched = matches.count();
        if (matched != 1) {
            return matched == 0 ? "nothing matched" : matched + " elements matched";
        }
        if (!matches.isVisible()) {
            return "1 element matched, but it was hidden";
        }
        if (!matches.isEnabled(new Locator.IsEnabledOptions().setTimeout(1_000))) {
            return "1 element matched, but it was disabled";
        }
        if (step instanceof Step.Choose choose) {
            return "1 element matched; its options are " + Excerpt.of(String.join(", ", matches.locator("option").allInnerTexts()),
                    SHOWN_CHARS, secrets) + ", not \"" + choose.option() + "\"";
        }
        return "1 element matched, but it did not accept the action (covered or moving)";
    }

    /** A wait as written in journeys: {@code 5s}, {@code 1.5s}, {@code 250ms}. */
    static String seconds(double millis) {
        if (millis < 1_000) {
            return Math.round(millis) + "ms";
        }
        return BigDecimal.valueOf(Math.round(millis / 100) / 10.0).stripTrailingZeros().toPlainString() + "s";
    }
}
