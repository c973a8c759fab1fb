package org.probefleet.prober.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.probefleet.journeys.model.Expectation;
import org.probefleet.journeys.model.Selector;
import org.probefleet.journeys.model.Step;
import org.probefleet.prober.run.NetworkError;
import org.probefleet.prober.run.Resolver;
import org.probefleet.prober.run.Secrets;

/** Performs one YAML browser step on a page with Playwright; a step that runs out of time fails saying what the page showed. */
final class BrowserSteps {

    /** Chromium's network error in a navigation's message: {@code net::ERR_CONNECTION_REFUSED at http://…}. */
    private static final Pattern NETWORK_ERROR = Pattern.compile("net::(ERR_[A-Z_]+) at (\\S+)");

    private final Page page;
    private final Resolver resolver;
    private final List<Locator> secretFields;
    private final StepEvidence evidence;

    BrowserSteps(Page page, Resolver resolver, Secrets secrets, List<Locator> secretFields) {
        this.page = page;
        this.resolver = resolver;
        this.secretFields = secretFields;
        this.evidence = new StepEvidence(page, this::locate, secrets);
    }

    /** Performs {@code step}, waiting at most {@code timeoutMs} (less if the step's {@code within} says so). */
    void perform(Step step, double timeoutMs) {
        double waitMs = step instanceof Step.Expect expect
                ? expect.within().map(d -> Math.min((double) d.toMillis(), timeoutMs)).orElse(timeoutMs) : timeoutMs;
        try {
            act(step, waitMs);
        } catch (TimeoutError | AssertionError e) {
            String explained;
            try {
                explained = evidence.explain(step, waitMs);
            } catch (PlaywrightException gone) {
                // The page went away while it was read: the original error is judged as it was.
                throw e;
            }
            throw new StepFailed(explained, e);
        }
    }

    private void act(Step step, double timeoutMs) {
        if (step instanceof Step.Goto go) {
            navigate(resolver.render(go.url(), Map.of()), timeoutMs);
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
            check(expect.expectation(), timeoutMs);
        } else {
            throw new IllegalArgumentException("'" + step.name() + "' is an HTTP step; this journey runs in a browser");
        }
    }

    /** Opens {@code url}; a site that cannot be reached fails as an HTTP journey's would: {@code connection refused: host:port}. */
    private void navigate(String url, double timeoutMs) {
        try {
            page.navigate(url, new Page.NavigateOptions().setTimeout(timeoutMs));
        } catch (TimeoutError e) {
            throw e;
        } catch (PlaywrightException e) {
            throw unreachable(e).map(network -> (RuntimeException) new StepFailed(network.toString(), e)).orElse(e);
        }
    }

    /** The network error a navigation's message names, when it is one. */
    private static Optional<NetworkError> unreachable(PlaywrightException navigation) {
        Matcher error = NETWORK_ERROR.matcher(String.valueOf(navigation.getMessage()));
        if (!error.find()) {
            return Optional.empty();
        }
        try {
            return NetworkError.ofChromium(error.group(1), URI.create(error.group(2)));
        } catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }

    private void check(Expectation expectation, double timeoutMs) {
        if (expectation instanceof Expectation.TextVisible text) {
            assertThat(page.getByText(text.text()).first()).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(timeoutMs));
        } else if (expectation instanceof Expectation.UrlMatches url) {
            // Playwright's own URL glob, matched as Playwright documents it: '**' any characters, '*' any but '/'.
            page.waitForURL(url.pattern(), new Page.WaitForURLOptions().setTimeout(timeoutMs).setWaitUntil(WaitUntilState.COMMIT));
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
}
