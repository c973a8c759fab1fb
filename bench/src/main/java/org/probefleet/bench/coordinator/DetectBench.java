package org.probefleet.bench.coordinator;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import org.probefleet.coordinator.alerting.AlertBook;
import org.probefleet.coordinator.alerting.AlertComposer;
import org.probefleet.coordinator.alerting.Notification;
import org.probefleet.coordinator.slo.Severity;
import org.probefleet.coordinator.service.SloService;
import org.probefleet.coordinator.store.JdbcOutcomeStore;
import org.probefleet.coordinator.testing.VirtualClock;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;

/**
 * {@code fleet bench detect}: how long from the onset of an outage to the page, for a journey
 * probed once a minute from three regions under a 99.9% SLO with the default windows, quorum and
 * minimum events. The coordinator's own engine and alert book run on a virtual clock; the fleet
 * around them is modelled: each region's runs sit at a random place in the minute (the agents'
 * spread), a failing run reports 2–5 s after it starts (a checkout that fails at its last step)
 * and reaches the coordinator 0.1–1 s later, and evaluations tick every 15 s from a random phase.
 * Full outages must page within 90 s (the workbook's 0.864 min plus one evaluation and a probe
 * interval's wait for the third region); one-region outages must never page.
 */
public final class DetectBench {

    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
    static final Duration PROBE_INTERVAL = Duration.ofMinutes(1);
    static final Duration EVALUATION_INTERVAL = Duration.ofSeconds(15);
    static final Duration BOUND = Duration.ofSeconds(90);
    /** Healthy history before the onset: enough for every window up to a day. */
    static final Duration HISTORY = Duration.ofDays(2);
    /** A one-region outage is watched this long for a page that must not come. */
    static final Duration ONE_REGION_WATCH = Duration.ofHours(1);
    static final String JOURNEY = """
            journey: bench-checkout
            schedule: { every: 1m }
            regions: [eu-west, us-east, ap-south]
            kind: http
            base_url: http://127.0.0.1:8088
            steps:
              - name: order
                request: { method: GET, path: /api/products }
            """;
    static final String SLO = """
            slo:
              name: bench-checkout-availability
              owner: bench
              indicator: { journey: bench-checkout }
              target: 0.999
            """;

    private final int runs;
    private final long seed;

    public DetectBench(int runs, long seed) {
        this.runs = runs;
        this.seed = seed;
    }

    /** One simulated incident: when the page came (empty if never) and how many region tickets fired. */
    record Incident(Duration lastRegionFirstFailure, Optional<Duration> page, int regionTickets) {
    }

    public void run(PrintWriter out) throws Exception {
        LoadResult loaded = DefinitionLoader.load(List.of(new SourceFile("bench-checkout.yaml", JOURNEY), new SourceFile("bench-slo.yaml", SLO)));
        if (!loaded.ok()) {
            throw new IllegalStateException("the benchmark's own definitions do not load: " + loaded.problems());
        }
        out.printf("detect benchmark: 1 journey probed every %ds from %d regions, target 99.9%%, 30d window, quorum 2, min_events 3;%n",
                PROBE_INTERVAL.toSeconds(), REGIONS.size());
        out.printf("engine and alert book on a virtual clock, evaluation every %ds; %d full and %d one-region outages (seed %d)%n%n",
                EVALUATION_INTERVAL.toSeconds(), runs, runs, seed);
        Random random = new Random(seed);
        Path folder = Files.createTempDirectory("probefleet-detect");
        List<Duration> pages = new ArrayList<>();
        out.println("| run | outage | last failing region's first failure | page after onset | as required |");
        out.println("|---:|---|---:|---:|:---:|");
        for (int run = 1; run <= runs; run++) {
            Incident incident = simulate(loaded, folder.resolve("full-" + run + ".db"), REGIONS, random, EVALUATION_INTERVAL);
            incident.page().ifPresent(pages::add);
            out.printf("| %d | all regions | %.1f s | %s | %s |%n", run, seconds(incident.lastRegionFirstFailure()),
                    incident.page().map(page -> String.format("%.1f s", seconds(page))).orElse("none"),
                    incident.page().filter(page -> page.compareTo(BOUND) <= 0).isPresent() ? "yes" : "NO");
        }
        int onePages = 0;
        int oneTickets = 0;
        for (int run = 1; run <= runs; run++) {
            String region = REGIONS.get(run % REGIONS.size());
            Incident incident = simulate(loaded, folder.resolve("one-" + run + ".db"), List.of(region), random, EVALUATION_INTERVAL);
            onePages += incident.page().isPresent() ? 1 : 0;
            oneTickets += incident.regionTickets() > 0 ? 1 : 0;
            out.printf("| %d | %s only | %.1f s | %s | %s |%n", run, region, seconds(incident.lastRegionFirstFailure()),
                    incident.page().map(page -> String.format("PAGED at %.1f s", seconds(page))).orElse("no page (region ticket)"),
                    incident.page().isEmpty() && incident.regionTickets() > 0 ? "yes" : "NO");
        }
        pages.sort(Comparator.naturalOrder());
        out.printf("%nfull outages: %d of %d paged within 90 s; median %.1f s, max %.1f s%n",
                pages.stream().filter(page -> page.compareTo(BOUND) <= 0).count(), runs,
                pages.isEmpty() ? Double.NaN : seconds(pages.get(pages.size() / 2)), pages.isEmpty() ? Double.NaN : seconds(pages.get(pages.size() - 1)));
        out.printf("one-region outages: %d paged (must be 0); %d of %d raised the region's ticket within %d min%n", onePages, oneTickets, runs,
                ONE_REGION_WATCH.toMinutes());
        out.flush();
    }

    /** A reported run: it starts at {@code startedAt} and reaches the coordinator at {@code arrives}. */
    private record Report(Instant arrives, Outcome outcome) {
    }

    private Incident simulate(LoadResult loaded, Path store, List<String> failing, Random random, Duration evaluationInterval) {
        Instant onset = Instant.parse("2026-11-02T00:00:00Z").plusMillis(random.nextInt(60_000));
        VirtualClock clock = new VirtualClock(onset.minus(HISTORY));
        Map<String, Long> phases = new java.util.HashMap<>();
        REGIONS.forEach(region -> phases.put(region, (long) random.nextInt(60_000)));
        PriorityQueue<Report> reports = new PriorityQueue<>(Comparator.comparing(Report::arrives));
        Instant end = onset.plus(failing.size() == REGIONS.size() ? Duration.ofMinutes(10) : ONE_REGION_WATCH);
        Duration lastFirstFailure = Duration.ZERO;
        for (String region : REGIONS) {
            Instant firstFailureArrival = null;
            for (Instant start = clock.instant().plusMillis(phases.get(region)); start.isBefore(end); start = start.plus(PROBE_INTERVAL)) {
                long durationMs = 2_000 + random.nextInt(3_000);
                boolean fails = failing.contains(region) && !start.plusMillis(durationMs).isBefore(onset);
                Instant arrives = start.plusMillis(durationMs + 100 + random.nextInt(900));
                reports.add(new Report(arrives, new Outcome(UUID.randomUUID(), "bench-checkout", "1", region, region + "-1", start, durationMs,
                        fails ? OutcomeStatus.FAILURE : OutcomeStatus.SUCCESS, 1, fails ? Optional.of("order") : Optional.empty(),
                        fails ? Optional.of("HTTP 500") : Optional.empty(), List.of(), Map.of())));
                if (fails && firstFailureArrival == null) {
                    firstFailureArrival = arrives;
                }
            }
            if (firstFailureArrival != null && Duration.between(onset, firstFailureArrival).compareTo(lastFirstFailure) > 0) {
                lastFirstFailure = Duration.between(onset, firstFailureArrival);
            }
        }
        try (JdbcOutcomeStore empty = JdbcOutcomeStore.open("sqlite:" + store, clock)) {
            SloService slos = new SloService(clock);
            slos.addFleetRegions(REGIONS);
            slos.load(loaded.definitions(), empty);
            AlertComposer composer = new AlertComposer(URI.create("http://localhost:8080"), "bench");
            AlertBook book = new AlertBook();
            Optional<Duration> page = Optional.empty();
            int tickets = 0;
            Instant evaluation = clock.instant().plusMillis(random.nextInt((int) evaluationInterval.toMillis()));
            while (evaluation.isBefore(end) && page.isEmpty()) {
                while (!reports.isEmpty() && !reports.peek().arrives().isAfter(evaluation)) {
                    slos.record(reports.poll().outcome());
                }
                clock.set(evaluation);
                slos.evaluate();
                List<Notification> wanted = new ArrayList<>();
                slos.snapshots().values().forEach(snapshot -> wanted.addAll(composer.firing(snapshot, (journey, scope) -> Optional.empty())));
                for (AlertBook.Change change : book.reconcile(wanted, List.of(), evaluation)) {
                    boolean fired = change instanceof AlertBook.Change.Fired || change instanceof AlertBook.Change.Escalated;
                    if (fired && change.alert().severity() == Severity.PAGE) {
                        page = Optional.of(Duration.between(onset, evaluation));
                    } else if (fired && AlertComposer.REGION_TICKET.equals(change.alert().labels().get("alertname"))) {
                        tickets++;
                    }
                }
                evaluation = evaluation.plus(evaluationInterval);
            }
            return new Incident(lastFirstFailure, page, tickets);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
