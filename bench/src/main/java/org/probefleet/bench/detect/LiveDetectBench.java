package org.probefleet.bench.detect;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.probefleet.bench.soak.CoordinatorChild;
import org.probefleet.shop.DemoShop;

/**
 * {@code fleet bench detect --live}: the whole path from a fault to a page, with real parts on
 * loopback: the demo shop and its chaos, a coordinator process with the default evaluation
 * interval, three agent processes with the default heartbeat on 1-minute HTTP journeys, and a
 * real Alertmanager whose API v2 is polled every 250 ms. Each trial has its own journey and SLO
 * and its own fault; the trials run side by side, staggered (see {@link TrialPlan}).
 */
public final class LiveDetectBench {

    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
    static final Duration ALERT_POLL = Duration.ofMillis(250);

    private final int trials;

    public LiveDetectBench(int trials) {
        this.trials = trials;
    }

    public LiveReport run(PrintWriter out) throws Exception {
        TrialPlan plan = TrialPlan.of(trials, REGIONS);
        Path folder = Files.createTempDirectory("probefleet-detect-live");
        Vertx vertx = Vertx.vertx();
        try {
            DemoShop shop = DemoShop.start(vertx, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            URI shopUrl = URI.create("http://127.0.0.1:" + shop.port());
            Path definitions = Files.createDirectories(folder.resolve("definitions"));
            for (Map.Entry<String, String> file : plan.definitions(shopUrl.toString()).entrySet()) {
                Files.writeString(definitions.resolve(file.getKey()), file.getValue());
            }
            out.printf("detect benchmark, live: %d trials of each kind on %d regions, 1 journey and 1 SLO each (99.9%%, 30d, quorum 2),%n",
                    trials, REGIONS.size());
            out.printf("probed every minute over HTTP; chaos from %d s after the start, one trial every %d s; logs in %s%n%n",
                    TrialPlan.WARM_UP.toSeconds(), TrialPlan.STAGGER.toSeconds(), folder);
            out.flush();
            try (AlertmanagerChild alertmanager = AlertmanagerChild.start(folder)) {
                return play(plan, folder, definitions, shopUrl, alertmanager, out);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private LiveReport play(TrialPlan plan, Path folder, Path definitions, URI shopUrl, AlertmanagerChild alertmanager, PrintWriter out)
            throws Exception {
        List<CoordinatorChild.Identity> identities = new ArrayList<>();
        for (String region : REGIONS) {
            identities.add(new CoordinatorChild.Identity(region + "-1", region, HexFormat.of().formatHex(randomBytes())));
        }
        CoordinatorChild coordinator = new CoordinatorChild(folder, definitions, identities,
                "alerting:\n  alertmanager: [" + alertmanager.url() + "]\n");
        coordinator.start();
        List<AgentChild> agents = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        AlertWatch watch = new AlertWatch(clock);
        AtomicInteger pollFailures = new AtomicInteger();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        ExecutorService players = Executors.newFixedThreadPool(plan.trials().size());
        try {
            for (CoordinatorChild.Identity agent : identities) {
                agents.add(AgentChild.start(folder, agent.region(), coordinator.base(), folder.resolve(agent.name() + ".token")));
            }
            poller.scheduleWithFixedDelay(() -> {
                try {
                    watch.observe(alertmanager.alerts());
                } catch (Exception e) {
                    pollFailures.incrementAndGet();
                }
            }, 0, ALERT_POLL.toMillis(), TimeUnit.MILLISECONDS);
            Instant start = clock.instant();
            TrialPlayer player = new TrialPlayer(new ShopChaos(shopUrl), watch, clock, REGIONS);
            List<Future<TrialResult>> running = new ArrayList<>();
            for (Trial trial : plan.trials()) {
                running.add(players.submit(() -> player.play(trial, start)));
            }
            List<TrialResult> results = new ArrayList<>();
            for (Future<TrialResult> result : running) {
                results.add(result.get());
            }
            LiveReport report = new LiveReport(results);
            report.print(out);
            out.printf("wall time %d s; Alertmanager polls that failed: %d; agents still running: %d of %d%n",
                    Duration.between(start, clock.instant()).toSeconds(), pollFailures.get(),
                    agents.stream().filter(AgentChild::alive).count(), agents.size());
            out.flush();
            return report;
        } finally {
            players.shutdownNow();
            poller.shutdownNow();
            for (AgentChild agent : agents) {
                agent.close();
            }
            coordinator.stop();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
