package org.probefleet.prober.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.prober.Shop;
import org.probefleet.prober.cli.ProberCli;
import picocli.CommandLine;

/** {@code ./fleet run} against the demo shop in real Chromium. */
class RunCommandTest {

    static Shop shop;
    @TempDir
    Path artifacts;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        shop = new Shop();
    }

    @AfterAll
    static void stop() throws Exception {
        shop.close();
    }

    @AfterEach
    void calm() throws Exception {
        shop.chaos(null);
    }

    int run(String file, String... extra) {
        CommandLine command = new CommandLine(new ProberCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        List<String> args = new java.util.ArrayList<>(List.of("run", file, "--base-url", shop.url(), "--artifacts", artifacts.toString()));
        args.addAll(List.of(extra));
        return command.execute(args.toArray(String[]::new));
    }

    Path secrets(String... lines) throws Exception {
        Path file = artifacts.resolveSibling(artifacts.getFileName() + "-secrets.properties");
        Files.write(file, List.of(lines));
        return file;
    }

    @Test
    @DisplayName("run and prober --help name the secret reference the secrets file fills, not 'null'")
    void helpNamesSecretReferences() {
        for (String command : List.of("run", "prober")) {
            String help = new CommandLine(new ProberCli()).getSubcommands().get(command).getUsageMessage();
            assertThat(help).contains("NAME=value lines for ${secret:NAME}").doesNotContain("for null");
        }
    }

    @Test
    @DisplayName("the checkout example passes with a timeline naming each step and its milliseconds")
    void checkoutPasses() throws Exception {
        int exit = run("../journeys/examples/checkout.yaml", "--secrets-file", secrets("CHECKOUT_EMAIL=buyer@probefleet.test").toString());

        assertThat(exit).as(out.toString()).isZero();
        for (String step : List.of("open home", "add to cart", "go to checkout", "fill email", "fill card", "pay", "confirmed")) {
            assertThat(out.toString()).containsPattern("✓ " + Pattern.quote(step) + " +\\d+ ms");
        }
        assertThat(out.toString()).contains("PASSED in");
    }

    @Test
    @DisplayName("error chaos on /checkout fails the run and names a screenshot and a trace that exist")
    void errorChaos() throws Exception {
        shop.chaos("{\"mode\":\"error\",\"paths\":[\"/checkout\"]}");

        int exit = run("../journeys/examples/checkout.yaml", "--secrets-file", secrets("CHECKOUT_EMAIL=buyer@probefleet.test").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("✗ go to checkout", "error:    the page answered HTTP 500 (GET " + shop.url() + "/checkout)",
                "FAILED at step \"go to checkout\"");
        Matcher screenshot = Pattern.compile("screenshot: (\\S+\\.png)").matcher(out.toString());
        Matcher trace = Pattern.compile("trace: +(\\S+\\.zip)").matcher(out.toString());
        assertThat(screenshot.find()).isTrue();
        assertThat(trace.find()).isTrue();
        assertThat(Path.of(screenshot.group(1))).isRegularFile().isNotEmptyFile();
        assertThat(Path.of(trace.group(1))).isRegularFile().isNotEmptyFile();
    }

    @Test
    @DisplayName("silent chaos fails the run on the expectation, though every response is a 200")
    void silentChaos() throws Exception {
        shop.chaos("{\"mode\":\"silent\"}");

        int exit = run("../journeys/examples/checkout.yaml", "--secrets-file", secrets("CHECKOUT_EMAIL=buyer@probefleet.test").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("✗ confirmed", "expected: expect text \"Order confirmed\" visible", "FAILED at step \"confirmed\"",
                "error:    expected the text \"Order confirmed\" visible within 5s, but it was not; the closest visible text is \"Demo Shop\"");
    }

    @Test
    @DisplayName("the HTTP example passes; an API outage fails it with the status it got")
    void httpJourney() throws Exception {
        assertThat(run("../journeys/examples/catalog-api.yaml")).as(out.toString()).isZero();
        assertThat(out.toString()).contains("✓ list products", "✓ create cart", "✓ add item", "✓ place order");

        shop.chaos("{\"mode\":\"error\",\"paths\":[\"/api/orders\"]}");
        assertThat(run("../journeys/examples/catalog-api.yaml")).isEqualTo(1);
        assertThat(out.toString()).contains("error:    expected HTTP 201, got 500 from POST /api/orders; body: Internal Server Error (injected by chaos)");
    }

    @Test
    @DisplayName("a missing secret is a prober error that names the secret, never a target failure")
    void missingSecret() throws Exception {
        assertThat(run("../journeys/examples/checkout.yaml", "--secrets-file", secrets("OTHER=x").toString())).isEqualTo(2);
        assertThat(out.toString()).contains("secret CHECKOUT_EMAIL is not set on this agent", "PROBER ERROR");
    }

    @Test
    @DisplayName("a file with problems is reported like ./fleet check and nothing runs")
    void badFile(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("bad.yaml");
        Files.writeString(file, "journey: bad\nsteps:\n  - clik: Buy\n");
        assertThat(run(file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":3:5: unknown step kind 'clik' (did you mean 'click'?)");
    }

    @Test
    @DisplayName("a journey written in Java runs from --classpath with its steps in the timeline; without it, a prober error names the class")
    void javaJourney() throws Exception {
        String journey = "../examples/java-journey/search-and-buy.yaml";
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            assertThat(run(journey, "--classpath", "../examples/java-journey/target/classes")).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("search", "add to cart", "see the cart", "PASSED");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assertThat(run(journey)).isEqualTo(2);
        assertThat(out.toString()).contains("org.probefleet.examples.SearchAndBuyJourney");
        assertThat(run(journey, "--classpath", "no-such.jar")).isEqualTo(2);
        assertThat(err.toString()).contains("--classpath entry no-such.jar is neither a jar nor a folder of classes");
    }
}
