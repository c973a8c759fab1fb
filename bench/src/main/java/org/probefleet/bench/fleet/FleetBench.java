package org.probefleet.bench.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.probefleet.bench.soak.CoordinatorChild;
import org.probefleet.coordinator.api.CoordinatorServer;
import org.probefleet.coordinator.config.CoordinatorConfig;
import org.probefleet.coordinator.testing.PostgresCluster;
import org.probefleet.journeys.model.Durations;

/**
 * {@code fleet bench fleet}: simulated agents over real HTTP against two coordinators in a group
 * on a throwaway PostgreSQL cluster; measures ingest headroom, evaluation time, memory, the
 * rebalance after 100 agents die and the cost of the leader's kill -9.
 */
public final class FleetBench {

    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
    /** How often each agent heartbeats, polls its assignments and posts what ran. */
    static final Duration TICK = Duration.ofSeconds(10);
    static final int DYING_AGENTS = 100;

    /**
     * How the fleet runs.
     *
     * @param duration how long the fleet runs before the measurements that disturb it
     * @param pushFor how long the group is pushed as hard as it takes, for its maximum
     * @param heap each coordinator's -Xmx, e.g. 2g
     */
    public record Settings(int agents, int journeys, Duration duration, Duration pushFor, String heap) {

        /** What is wrong with these settings, if anything. */
        Optional<String> problem() {
            if (agents <= DYING_AGENTS + REGIONS.size() || journeys < 1) {
                return Optional.of("--agents must be over " + (DYING_AGENTS + REGIONS.size()) + " (100 of them die) and --journeys at least 1");
            }
            return Optional.empty();
        }
    }

    private final Settings settings;

    public FleetBench(Settings settings) {
        this.settings = settings;
    }

    public FleetReport run(PrintWriter out) throws Exception {
        Path bin = PostgresCluster.binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL's initdb and pg_ctl are needed (Debian/Ubuntu: apt-get install -y postgresql, or set PROBEFLEET_PG_BIN)"));
        Path folder = Files.createTempDirectory("probefleet-fleet");
        List<String> ids = FleetDefinitions.ids(settings.journeys());
        FleetDefinitions.write(folder.resolve("definitions"), ids);
        List<CoordinatorChild.Identity> identities = new ArrayList<>();
        for (int i = 1; i <= settings.agents(); i++) {
            identities.add(new CoordinatorChild.Identity(String.format("fleet-%04d", i), REGIONS.get(i % REGIONS.size()),
                    String.format("fleet-agent-%04d-token-0123456789abcdef", i)));
        }
        out.printf("fleet: %,d agents, %,d journeys with an SLO each, %d regions; two coordinators (-Xmx%s) in a group on PostgreSQL; "
                        + "%s of steady load; %d cores%n", settings.agents(), settings.journeys(), REGIONS.size(), settings.heap(),
                Durations.format(settings.duration()), Runtime.getRuntime().availableProcessors());
        out.flush();
        try (PostgresCluster postgres = PostgresCluster.start(bin, "max_connections=100")) {
            String store = postgres.freshDatabase();
            List<String> jvm = List.of("-Xmx" + settings.heap(),
                    "-Dorg.slf4j.simpleLogger.log." + CoordinatorServer.class.getName() + "=debug");
            List<CoordinatorChild> group = List.of(
                    new CoordinatorChild(folder.resolve("a"), folder.resolve("definitions"), identities, store, jvm),
                    new CoordinatorChild(folder.resolve("b"), folder.resolve("definitions"), identities, store, jvm));
            FleetReport report;
            try {
                for (CoordinatorChild coordinator : group) {
                    progress(out, "coordinator " + coordinator.base() + " healthy after " + seconds(coordinator.start()));
                }
                report = measure(out, group, identities, ids);
            } finally {
                for (CoordinatorChild coordinator : group) {
                    coordinator.stop();
                }
            }
            report.print(out);
            if (report.passed()) {
                removeFolder(folder);
            } else {
                out.printf("coordinator logs, kept: %s/a/coordinator.log, %s/b/coordinator.log%n", folder, folder);
            }
            out.flush();
            return report;
        }
    }

    private FleetReport measure(PrintWriter out, List<CoordinatorChild> group, List<CoordinatorChild.Identity> identities, List<String> ids)
            throws Exception {
        List<URI> ab = group.stream().map(coordinator -> URI.create(coordinator.base())).toList();
        List<URI> ba = List.of(ab.get(1), ab.get(0));
        AtomicLong acknowledged = new AtomicLong();
        List<FleetAgent> agents = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            // Half the fleet lists the coordinators the other way round, so both ingest.
            agents.add(new FleetAgent(identities.get(i), i % 2 == 0 ? ab : ba, acknowledged));
        }
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(64);
        MemorySampler memory = new MemorySampler(group);
        ticks.scheduleAtFixedRate(memory::sample, 0, 2, TimeUnit.SECONDS);
        for (int i = 0; i < agents.size(); i++) {
            ticks.scheduleAtFixedRate(agents.get(i)::tick, TICK.toMillis() * i / agents.size(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        Optional<Duration> covered = until(() -> Coverage.complete(agents, ids, REGIONS), Duration.ofMinutes(5));
        progress(out, "every journey assigned in every region after " + covered.map(FleetBench::seconds).orElse("over 5 minutes"));
        // Agents that polled before the others' first heartbeat were given more than their share: two more polls settle that.
        TimeUnit.MILLISECONDS.sleep(TICK.toMillis() * 2);
        long begin = System.nanoTime();
        List<Integer> logStart = new ArrayList<>();
        for (CoordinatorChild coordinator : group) {
            logStart.add(new CoordinatorLog(coordinator.log()).lines().size());
        }
        long steadyFrom = System.nanoTime();
        long ackedFrom = acknowledged.get();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, begin + settings.duration().toNanos() - System.nanoTime()));
        double taken = (acknowledged.get() - ackedFrom) / ((System.nanoTime() - steadyFrom) / 1e9);
        List<CoordinatorLog.Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            evaluations.addAll(new CoordinatorLog(group.get(i).log()).evaluations(logStart.get(i)));
        }
        progress(out, String.format("steady load: %.0f outcomes/s acknowledged, %d evaluations logged", taken, evaluations.size()));
        double max = new IngestPush(group, identities, ids).run(settings.pushFor());
        progress(out, String.format("pushed as hard as it takes for %s: %.0f outcomes/s", Durations.format(settings.pushFor()), max));
        Optional<Duration> rebalance = rebalance(agents, ids);
        progress(out, "rebalance after " + DYING_AGENTS + " agents died: " + rebalance.map(FleetBench::seconds).orElse("not within 3 minutes"));
        Optional<Duration> failover = failover(group);
        progress(out, "failover: " + failover.map(FleetBench::seconds).orElse("not within 3 minutes"));
        ticks.shutdownNow();
        ticks.awaitTermination(30, TimeUnit.SECONDS);
        double offered = settings.journeys() * (double) REGIONS.size() / 60;
        return new FleetReport(settings, offered, taken, max, evaluations, memory.most(), CoordinatorConfig.DEFAULT_HEARTBEAT_TIMEOUT,
                rebalance, failover);
    }

    /** 100 agents stop dead; how long until the others' assignments cover every journey in every region again. */
    private static Optional<Duration> rebalance(List<FleetAgent> agents, List<String> ids) throws InterruptedException {
        for (int i = 0; i < DYING_AGENTS; i++) {
            agents.get(agents.size() - 1 - i).die();
        }
        return until(() -> Coverage.complete(agents, ids, REGIONS), Duration.ofMinutes(3));
    }

    /** kill -9 of the member that leads; how long until the other logs that it leads and then an evaluation as leader. */
    private static Optional<Duration> failover(List<CoordinatorChild> group) throws Exception {
        Optional<Duration> leading = until(() -> new CoordinatorLog(group.get(0).log()).leads() || new CoordinatorLog(group.get(1).log()).leads(),
                Duration.ofMinutes(1));
        if (leading.isEmpty()) {
            return Optional.empty();
        }
        int leader = new CoordinatorLog(group.get(0).log()).leads() ? 0 : 1;
        CoordinatorLog other = new CoordinatorLog(group.get(1 - leader).log());
        int from = other.lines().size();
        group.get(leader).kill();
        return until(() -> other.evaluations(from).stream().anyMatch(evaluation -> !evaluation.role().equals("FOLLOWER")),
                Duration.ofMinutes(3));
    }

    /** A condition the benchmark waits for. */
    interface Condition {
        boolean holds() throws IOException;
    }

    /** How long until {@code condition} holds, checked every 200 ms, or empty after {@code limit}. */
    static Optional<Duration> until(Condition condition, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < limit.toNanos()) {
            try {
                if (condition.holds()) {
                    return Optional.of(Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException notYet) {
                // the log is being written: look again
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return Optional.empty();
    }

    private static void removeFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1e3);
    }

    private static void progress(PrintWriter out, String what) {
        out.println("  " + what);
        out.flush();
    }

    /** The most resident memory seen per coordinator. */
    private static final class MemorySampler {
        private final List<CoordinatorChild> group;
        private final long[] most;

        MemorySampler(List<CoordinatorChild> group) {
            this.group = group;
            this.most = new long[group.size()];
        }

        synchronized void sample() {
            for (int i = 0; i < group.size(); i++) {
                most[i] = Math.max(most[i], group.get(i).residentBytes());
            }
        }

        synchronized List<Long> most() {
            return Arrays.stream(most).boxed().toList();
        }
    }
}
