package org.probefleet.bench.coordinator;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.probefleet.coordinator.slo.Classification;
import org.probefleet.coordinator.slo.Counts;
import org.probefleet.coordinator.slo.RollingSeries;
import org.probefleet.coordinator.slo.SeriesCounts;
import org.probefleet.coordinator.slo.SloEvaluator;
import org.probefleet.coordinator.slo.SloInput;
import org.probefleet.journeys.model.JourneyIndicator;
import org.probefleet.journeys.model.Policy;
import org.probefleet.journeys.model.Slo;
import org.probefleet.journeys.yaml.Origin;

/**
 * {@code fleet bench slo}: the engine's memory and evaluation time at scale. {@code slos × regions}
 * series (default 1,000 × 5) with 30-day windows, filled with a month of runs (one every
 * five minutes, 1% bad); then full evaluations of every SLO, every scope and every window, once
 * with the running totals and once adding up the same buckets one by one, in the same run.
 */
public final class SloBench {

    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south", "sa-east", "ap-north");
    static final Duration WINDOW = Duration.ofDays(30);
    static final Duration EVERY = Duration.ofMinutes(5);

    private final int slos;
    private final int passes;

    public SloBench(int slos, int passes) {
        this.slos = slos;
        this.passes = passes;
    }

    public void run(PrintWriter out) {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");
        Random random = new Random(42);
        long before = heapAfterGc();
        List<SloInput> rolling = new ArrayList<>();
        List<SloInput> scanned = new ArrayList<>();
        for (int i = 0; i < slos; i++) {
            Slo slo = new Slo("slo-" + i, "", "bench", new JourneyIndicator("journey-" + i, Optional.empty()), 0.999, WINDOW, 2, 3,
                    Policy.DEFAULT_NAME, Optional.empty(), OptionalDouble.empty(), new Origin("bench", 1, 1));
            Map<String, RollingSeries> series = new HashMap<>();
            for (String region : REGIONS) {
                RollingSeries one = new RollingSeries(WINDOW);
                for (Instant at = now.minus(WINDOW).plusSeconds(random.nextInt(300)); !at.isAfter(now); at = at.plus(EVERY)) {
                    one.add(at, random.nextInt(100) == 0 ? Classification.BAD : Classification.GOOD);
                }
                series.put(region, one);
            }
            rolling.add(new SloInput(slo, Policy.DEFAULT, REGIONS, series::get, Duration.ofMinutes(15), now.minus(WINDOW)));
            scanned.add(new SloInput(slo, Policy.DEFAULT, REGIONS, region -> new Scanned(series.get(region)), Duration.ofMinutes(15),
                    now.minus(WINDOW)));
        }
        long used = heapAfterGc() - before;
        int seriesCount = slos * REGIONS.size();
        out.printf("slo benchmark: %d SLOs × %d regions = %d series, %d-day windows, a run every %d min for %d days; %d cores, max heap %d MiB%n",
                slos, REGIONS.size(), seriesCount, WINDOW.toDays(), EVERY.toMinutes(), WINDOW.toDays(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf("heap held by the series: %.1f MiB (%.1f KiB a series)%n%n", used / 1048576.0, used / 1024.0 / seriesCount);
        SloEvaluator evaluator = new SloEvaluator();
        double[] fast = time(evaluator, rolling, now);
        double[] slow = time(evaluator, scanned, now);
        out.println("| full evaluation of every SLO, scope and window | median ms | p99 ms |");
        out.println("|---|---:|---:|");
        out.printf("| running totals (the engine) | %.2f | %.2f |%n", fast[0], fast[1]);
        out.printf("| same buckets added one by one (baseline) | %.2f | %.2f |%n", slow[0], slow[1]);
        out.printf("%nbaseline / engine: %.1fx (medians); %d passes each after %d warm-up passes%n", slow[0] / fast[0], passes, passes);
        out.flush();
    }

    /** Median and p99 milliseconds of a full pass, after as many warm-up passes. */
    private double[] time(SloEvaluator evaluator, List<SloInput> inputs, Instant now) {
        double[] millis = new double[passes];
        long sink = 0;
        for (int pass = -passes; pass < passes; pass++) {
            long start = System.nanoTime();
            for (SloInput input : inputs) {
                sink += evaluator.evaluate(input, now).firing().size();
            }
            if (pass >= 0) {
                millis[pass] = (System.nanoTime() - start) / 1e6;
            }
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the evaluations from being optimised away");
        }
        Arrays.sort(millis);
        return new double[] {millis[passes / 2], millis[Math.min(passes - 1, (int) Math.ceil(passes * 0.99) - 1)]};
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A series read by adding its buckets one by one. */
    private record Scanned(RollingSeries series) implements SeriesCounts {
        @Override
        public Counts count(Instant fromExclusive, Instant toInclusive) {
            return series.scan(fromExclusive, toInclusive);
        }

        @Override
        public Optional<Instant> lastSeenAtOrBefore(Instant at) {
            return series.lastSeenAtOrBefore(at);
        }
    }
}
