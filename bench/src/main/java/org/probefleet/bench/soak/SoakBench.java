package org.probefleet.bench.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.probefleet.journeys.model.Durations;

/**
 * {@code fleet bench soak}: simulated agents post outcome batches over loopback to a coordinator
 * process that is killed with -9 every few minutes and restarted, and whose file writes fail for
 * one episode (a full disk); afterwards every acknowledged run id must read back.
 */
public final class SoakBench {

    private static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    /**
     * How the soak runs.
     *
     * @param batchEvery how often each agent posts a batch of {@code batchSize}
     * @param definitions the journeys the coordinator loads (the simulated outcomes are checkout's)
     */
    public record Settings(int agents, Duration duration, Duration killEvery, Duration diskFor, Duration batchEvery, int batchSize,
                           Path definitions) {

        /** The disk episode starts a quarter of a kill interval after the first restart, clear of the next kill. */
        Duration diskStart() {
            return killEvery.plus(killEvery.dividedBy(4));
        }

        /** What is wrong with these settings, if anything. */
        Optional<String> problem() {
            if (agents < 1 || batchSize < 1 || batchEvery.isZero() || batchEvery.isNegative()) {
                return Optional.of("--agents and the batch size must be at least 1 and --batch-every more than 0");
            }
            Duration diskClear = diskStart().plus(diskFor).plusSeconds(10);
            if (diskFor.isZero() || diskClear.compareTo(duration) > 0 || diskClear.compareTo(killEvery.multipliedBy(2)) > 0) {
                return Optional.of("the disk episode (" + Durations.format(diskFor) + " from " + Durations.format(diskStart())
                        + ") must end 10 s before the second kill and before the end: make --minutes or --kill-every longer, or --disk-for shorter");
            }
            return Optional.empty();
        }
    }

    private final Settings settings;

    public SoakBench(Settings settings) {
        this.settings = settings;
    }

    public SoakReport run(PrintWriter out) throws Exception {
        Path folder = Files.createTempDirectory("probefleet-soak");
        List<CoordinatorChild.Identity> identities = new ArrayList<>();
        for (int i = 1; i <= settings.agents(); i++) {
            identities.add(new CoordinatorChild.Identity(String.format("soak-%02d", i), REGIONS.get(i % REGIONS.size()),
                    String.format("soak-agent-%02d-token-0123456789abcdef", i)));
        }
        CoordinatorChild coordinator = new CoordinatorChild(folder, settings.definitions(), identities);
        out.printf("soak: %d agents, a batch of %d every %s each; coordinator kill -9 every %s; file writes failing for %s from %s; "
                        + "%s in all; %d cores%n", settings.agents(), settings.batchSize(), Durations.format(settings.batchEvery()),
                Durations.format(settings.killEvery()), Durations.format(settings.diskFor()), Durations.format(settings.diskStart()),
                Durations.format(settings.duration()), Runtime.getRuntime().availableProcessors());
        out.flush();
        coordinator.start();
        SoakTally tally = new SoakTally();
        HealthProbe probe = new HealthProbe(coordinator.base());
        List<SimulatedAgent> agents = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            agents.add(new SimulatedAgent(identities.get(i), coordinator.base(), settings.batchEvery(),
                    settings.batchEvery().multipliedBy(i).dividedBy(identities.size()), settings.batchSize(), tally));
        }
        probe.up(true);
        Clockwork times = Clockwork.from(System.nanoTime(), settings);
        tally.diskEpisode(nanos -> nanos >= times.diskStart() && nanos < times.diskEnd());
        tally.diskEnded(times.diskEnd());
        threads.add(started(probe, "soak-healthz"));
        agents.forEach(agent -> threads.add(started(agent, "soak-agent")));
        List<Duration> restarts = timeline(coordinator, times, probe, out);
        agents.forEach(SimulatedAgent::stop);
        probe.stop();
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        restarts.add(restart(coordinator, probe, out, "final kill -9 before the read-back"));
        long[] found = readBack(coordinator.base(), tally);
        coordinator.stop();
        long recovered = tally.firstAckAfterDisk();
        SoakReport report = new SoakReport(settings, tally.acknowledged().size(), found[0], found[1], found[2], tally.answers(),
                tally.answersDuringDisk(), probe.sortedLatencies(), probe.failures(), restarts,
                recovered == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos(recovered - times.diskEnd())));
        report.print(out);
        if (report.passed()) {
            removeFolder(folder);
        } else {
            out.printf("coordinator log and store, kept: %s%n", folder);
        }
        out.flush();
        return report;
    }

    /** A passing run's folder goes; a failing one stays for its log and store. */
    private static void removeFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The run's moments, as System.nanoTime() readings. */
    private record Clockwork(long begin, long diskStart, long diskEnd, long end) {
        static Clockwork from(long begin, Settings settings) {
            long diskStart = begin + settings.diskStart().toNanos();
            return new Clockwork(begin, diskStart, diskStart + settings.diskFor().toNanos(), begin + settings.duration().toNanos());
        }
    }

    private static Thread started(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }

    /** Kills, restarts and the disk episode at their times; returns each restart's time to healthy. */
    private List<Duration> timeline(CoordinatorChild coordinator, Clockwork times, HealthProbe probe, PrintWriter out) throws Exception {
        List<Duration> restarts = new ArrayList<>();
        boolean diskDone = false;
        for (long kill = times.begin() + settings.killEvery().toNanos(); ; kill += settings.killEvery().toNanos()) {
            if (!diskDone && times.diskStart() < Math.min(kill, times.end())) {
                sleepUntil(times.diskStart());
                coordinator.fillDisk(true);
                progress(out, times.begin(), "file writes fail from now (RLIMIT_FSIZE 0)");
                sleepUntil(times.diskEnd());
                coordinator.fillDisk(false);
                progress(out, times.begin(), "file writes work again");
                diskDone = true;
            }
            if (kill >= times.end()) {
                break;
            }
            sleepUntil(kill);
            restarts.add(restart(coordinator, probe, out, "[" + Durations.format(Duration.ofNanos(kill - times.begin()).withNanos(0)) + "] kill -9"));
        }
        sleepUntil(times.end());
        return restarts;
    }

    private static Duration restart(CoordinatorChild coordinator, HealthProbe probe, PrintWriter out, String why) throws Exception {
        probe.up(false);
        long killed = System.nanoTime();
        coordinator.kill();
        coordinator.start();
        probe.up(true);
        Duration took = Duration.ofNanos(System.nanoTime() - killed);
        out.printf("  %s; healthy again after %.1f s%n", why, took.toMillis() / 1e3);
        out.flush();
        return took;
    }

    private static void progress(PrintWriter out, long begin, String what) {
        out.printf("  [%s] %s%n", Durations.format(Duration.ofSeconds(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin))), what);
        out.flush();
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Reads every acknowledged run id back: {stored, lost (404), could not be read (any other answer, thrice)}. */
    private static long[] readBack(String base, SoakTally tally) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong stored = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong unverified = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        for (UUID runId : tally.acknowledged()) {
            readers.execute(() -> {
                int status = read(client, URI.create(base + "/api/v1/outcomes/" + runId));
                (status == 200 ? stored : status == 404 ? lost : unverified).incrementAndGet();
            });
        }
        readers.shutdown();
        if (!readers.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the read-back took over 30 minutes");
        }
        return new long[] {stored.get(), lost.get(), unverified.get()};
    }

    private static int read(HttpClient client, URI uri) {
        int status = 0;
        for (int attempt = 0; attempt < 3 && status != 200 && status != 404; attempt++) {
            try {
                status = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return status;
    }
}
