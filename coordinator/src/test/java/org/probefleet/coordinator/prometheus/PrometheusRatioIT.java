package org.probefleet.coordinator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.slo.Alert;
import org.probefleet.coordinator.slo.ScopeResult;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.slo.SloSnapshot;
import org.probefleet.coordinator.slo.Window;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Definitions;

/**
 * A real Prometheus scraping a real exporter every second, read by the ratio poller into the
 * store's minute counts and evaluated by the engine: known counter increments give the exact
 * SLI, burn rates and budget per region and over both; Prometheus stopped gives no data, then
 * a no-data alert. The engine and poller run on a test clock set to the wall clock, since
 * Prometheus keeps its samples at the times it scraped them.
 */
class PrometheusRatioIT {

    static final String SLO = """
            slo:
              name: checkout-completion-rate
              indicator:
                type: ratio
                numerator: sum by (region) (rate(%s[10s]))
                denominator: sum by (region) (rate(%s[10s]))
              target: 0.99
              window: 30d
            """.formatted(CounterExporter.COMPLETED, CounterExporter.STARTED);

    @TempDir
    Path folder;

    @Test
    @DisplayName("90% of eu's checkouts and all of us's complete: SLI 0.9 and 1, burn 10x and 0x, 5x over both; then no data")
    void ratioFromRealPrometheus() throws Exception {
        LoadResult loaded = DefinitionLoader.load(List.of(new SourceFile("checkout-completion-rate.yaml", SLO)));
        assertThat(loaded.problems()).isEmpty();
        Definitions definitions = loaded.definitions();
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        try (CounterExporter shop = new CounterExporter();
             JdbcOutcomeStore store = JdbcOutcomeStore.open("sqlite:" + folder.resolve("store.db"), new VirtualClock(Instant.now()))) {
            // Every 100ms: eu starts 10 checkouts and completes 9, us starts 10 and completes 10, in one step each.
            traffic.scheduleAtFixedRate(() -> {
                shop.add("eu", 10, 9);
                shop.add("us", 10, 10);
            }, 0, 100, TimeUnit.MILLISECONDS);
            VirtualClock clock = new VirtualClock(Instant.now());
            SloService engine = new SloService(clock);
            engine.load(definitions, store);
            try (LocalPrometheus prometheus = LocalPrometheus.start(folder, shop.url())) {
                RatioPoller poller = new RatioPoller(PrometheusQueries.http(prometheus.url(), Duration.ofSeconds(5)), store, definitions::slos,
                        clock, Duration.ofSeconds(2));
                // The first minute to end at least 15s after the first scrapes, read 3s after it ends (2s delay and a margin).
                Instant boundary = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), boundary.plusSeconds(3)).toMillis()));
                clock.set(Instant.now());
                assertThat(poller.pollDue()).isPositive();
                engine.evaluate();
                SloSnapshot measured = engine.snapshots().get("checkout-completion-rate");

                ScopeResult eu = region(measured, "eu");
                ScopeResult us = region(measured, "us");
                assertThat(eu.sli()).isCloseTo(0.9, within(1e-3));
                assertThat(us.sli()).isEqualTo(1.0);
                assertThat(measured.global().sli()).isCloseTo(0.95, within(1e-3));
                assertThat(eu.burn(Window.M5)).isCloseTo(10, within(0.1));
                assertThat(us.burn(Window.M5)).isZero();
                assertThat(measured.global().burn(Window.M5)).isCloseTo(5, within(0.05));
                assertThat(measured.global().consumed()).isCloseTo(5, within(0.05));
                assertThat(measured.firing()).noneMatch(alert -> alert.kind() == Alert.Kind.NO_DATA);
                long events = measured.global().sloWindow().total();

                prometheus.close();
                clock.advance(Duration.ofMinutes(4));
                assertThat(poller.pollDue()).isEqualTo(4);
                engine.evaluate();
                SloSnapshot silent = engine.snapshots().get("checkout-completion-rate");

                assertThat(silent.global().sloWindow().total()).isEqualTo(events);
                assertThat(silent.regions()).allMatch(ScopeResult::noData);
                assertThat(silent.firing()).contains(new Alert(Alert.Kind.NO_DATA, Severity.TICKET, "eu"),
                        new Alert(Alert.Kind.NO_DATA, Severity.TICKET, "us"));
            }
        } finally {
            traffic.shutdownNow();
        }
    }

    private static ScopeResult region(SloSnapshot snapshot, String name) {
        return snapshot.regions().stream().filter(region -> region.scope().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no region " + name + " in " + snapshot.regions().stream().map(ScopeResult::scope).toList()));
    }
}
