package org.probefleet.prober.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;
import org.probefleet.prober.Shop;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.DueRun;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * The agent traces only the runs that explain a failure (a failed run's retry, the run after an
 * untraced first failure), never a healthy one, and every trace it writes has the secrets redacted.
 */
class TraceEvidenceTest {

    static final String CANARY = "canary-7a2c4@probefleet.test";

    @TempDir
    Path folder;
    Shop shop;
    Outbox outbox;
    RunExecutor executor;

    @BeforeEach
    void start() throws Exception {
        shop = new Shop();
        outbox = new Outbox(folder.resolve("outbox"), 1L << 24);
        Secrets secrets = new Secrets(name -> name.equals("CHECKOUT_EMAIL") ? CANARY : null, Map.of());
        executor = new RunExecutor("eu-west", "eu-west-1", secrets, folder.resolve("artifacts"), outbox,
                new AgentMetrics(outbox::pending, () -> 0), () -> true, BrowserSettings.defaults(Optional.empty()), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        outbox.close();
        shop.close();
    }

    @Test
    @DisplayName("a healthy checkout writes nothing; a failing one's retry is traced, kept and redacted")
    void retryIsTraced() throws Exception {
        Journey checkout = checkout(1);
        assertThat(run(checkout).status()).isEqualTo(OutcomeStatus.SUCCESS);
        assertThat(artifactFiles()).isEmpty();

        shop.chaos("{\"mode\":\"silent\"}");
        Outcome failed = run(checkout);

        assertThat(failed.status()).isEqualTo(OutcomeStatus.FAILURE);
        assertThat(failed.artifacts()).containsOnlyKeys("screenshot-attempt1", "screenshot-attempt2", "trace-attempt2");
        assertRedacted(failed.artifacts().get("trace-attempt2"));
    }

    @Test
    @DisplayName("without retries, the run after the first failure is traced, kept and redacted; later failures record no trace")
    void runAfterFirstFailureIsTraced() throws Exception {
        Journey checkout = checkout(0);
        shop.chaos("{\"mode\":\"silent\"}");

        assertThat(run(checkout).artifacts()).containsOnlyKeys("screenshot");
        Outcome traced = run(checkout);
        assertThat(traced.artifacts()).containsOnlyKeys("screenshot", "trace");
        assertRedacted(traced.artifacts().get("trace"));
        assertThat(run(checkout).artifacts()).isEmpty();
        assertThat(artifactFiles()).hasSize(3);
    }

    private Outcome run(Journey journey) {
        Instant now = Instant.now();
        executor.run(DueRun.of(journey, now, DueRun.SCHEDULED), now);
        List<Outbox.Entry> entries = outbox.peek((int) outbox.pending());
        return entries.get(entries.size() - 1).outcome();
    }

    private Journey checkout(int retries) {
        return DefinitionLoader.load(List.of(new SourceFile("checkout.yaml", """
                journey: checkout
                kind: browser
                retries: %d
                base_url: %s
                steps:
                  - { name: open home, goto: / }
                  - { name: add to cart, click: { role: button, name: "Add to cart" } }
                  - { name: go to checkout, click: { role: link, name: "Checkout" } }
                  - { name: fill email, fill: { label: Email, value: "${secret:CHECKOUT_EMAIL}" } }
                  - { name: fill card, fill: { label: Card number, value: "4242 4242 4242 4242" } }
                  - { name: pay, click: { role: button, name: "Pay now" } }
                  - { name: confirmed, expect: { text: "Order confirmed", within: 2s } }
                """.formatted(retries, shop.url())))).definitions().journeys().get(0);
    }

    private List<Path> artifactFiles() throws IOException {
        Path artifacts = folder.resolve("artifacts");
        if (!Files.isDirectory(artifacts)) {
            return List.of();
        }
        try (var files = Files.list(artifacts)) {
            return files.toList();
        }
    }

    /** The trace is there, holds the run's actions, and no entry holds the secret in any form. */
    private void assertRedacted(String traceName) throws IOException {
        Path trace = folder.resolve("artifacts").resolve(traceName);
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(trace))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).anyMatch(text -> text.contains("Pay now"));
        assertThat(texts).noneMatch(text -> text.contains(CANARY) || text.contains("canary-7a2c4%40"));
    }
}
