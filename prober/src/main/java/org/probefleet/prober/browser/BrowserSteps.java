package org.probefleet.prober.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.probefleet.journeys.model.Expectation;
import org.probefleet.journeys.model.Selector;
import org.probefleet.journeys.model.Step;
import org.probefleet.prober.run.Resolver;

/** Performs one YAML browser step on a page with Playwright. */
final class BrowserSteps {

    private final Page page;
    private final Resolver resolver;
    private final List<Locator> secretFields;

    BrowserSteps(Page page, Resolver resolver, List<Locator> secretFields) {
        this.page = page;
        this.resolver = resolver;
        this.secretFields = secretFields;
    }

    void perform(Step step, double timeoutMs) {
        if (step instanceof Step.Goto go) {
            page.navigate(resolver.render(go.url(), Map.of()), new Page.NavigateOptions().setTimeout(timeoutMs));
        } else if (step instanceof Step.Click click) {
            locate(click.target()).click(new Locator.ClickOptions().setTimeout(timeoutMs));
        } else if (step instanceof Step.Fill fill) {
            Locator field = locate(fill.target());
            if (resolver.hasSecret(fill.value())) {
                // Masks the value on screen before it is typed: screenshots and screencasts show dots.
                field.evaluate("element => element.style.setProperty('-webkit-text-security', 'disc')", null,
                        new Locator.EvaluateOptions().setTimeout(timeoutMs));
                secretFields.add(field);
            }
            field.fill(resolver.render(fill.value(), Map.of()), new Locator.FillOptions().setTimeout(timeoutMs));
        } else if (step instanceof Step.Press press) {
            locate(press.target()).press(press.key(), new Locator.PressOptions().setTimeout(timeoutMs));
        } else if (step instanceof Step.Choose choose) {
            locate(choose.target()).selectOption(choose.option(), new Locator.SelectOptionOptions().setTimeout(timeoutMs));
        } else if (step instanceof Step.Expect expect) {
            double within = expect.within().map(d -> Math.min((double) d.toMillis(), timeoutMs)).orElse(timeoutMs);
            check(expect.expectation(), within);
        } else {
            throw new IllegalArgumentException("'" + step.name() + "' is an HTTP step; this journey runs in a browser");
        }
    }

    private void check(Expectation expectation, double timeoutMs) {
        if (expectation instanceof Expectation.TextVisible text) {
            assertThat(page.getByText(text.text()).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(timeoutMs));
        } else if (expectation instanceof Expectation.UrlMatches url) {
            assertThat(page).hasURL(glob(url.pattern()), new PageAssertions.HasURLOptions().setTimeout(timeoutMs));
        } else if (expectation instanceof Expectation.TitleContains title) {
            assertThat(page).hasTitle(Pattern.compile(Pattern.quote(title.title())), new PageAssertions.HasTitleOptions().setTimeout(timeoutMs));
        } else if (expectation instanceof Expectation.Visible visible) {
            assertThat(locate(visible.target()).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(timeoutMs));
        } else if (expectation instanceof Expectation.Count count) {
            assertThat(locate(count.target())).hasCount(count.count(), new LocatorAssertions.HasCountOptions().setTimeout(timeoutMs));
        }
    }

    Locator locate(Selector selector) {
        if (selector instanceof Selector.Role role) {
            Page.GetByRoleOptions options = new Page.GetByRoleOptions();
            if (role.name() != null) {
                options.setName(role.name());
            }
            return page.getByRole(AriaRole.valueOf(role.role().toUpperCase(Locale.ROOT)), options);
        }
        if (selector instanceof Selector.Text text) {
            return page.getByText(text.text());
        }
        if (selector instanceof Selector.Label label) {
            return page.getByLabel(label.label());
        }
        if (selector instanceof Selector.Placeholder placeholder) {
            return page.getByPlaceholder(placeholder.placeholder());
        }
        if (selector instanceof Selector.TestId testId) {
            return page.getByTestId(testId.testId());
        }
        return page.locator(((Selector.Css) selector).css());
    }

    /** A URL glob as a search pattern: {@code **} any characters, {@code *} any but '/'; plain text matches anywhere. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
