package org.probefleet.bench.fleet;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The fleet benchmark's figures against its targets.
 *
 * @param offeredPerSecond outcomes a second the simulated fleet offers (journeys × regions a minute)
 * @param takenPerSecond outcomes a second acknowledged while the fleet ran
 * @param maxPerSecond the most outcomes a second the group acknowledged when pushed
 * @param evaluations every evaluation the coordinators logged while the fleet ran
 * @param residentBytes the most resident memory seen, per coordinator
 * @param rebalance from 100 agents going silent until the others' assignments cover every journey again
 * @param failover from the leader's kill -9 until the other member leads and has evaluated
 */
record FleetReport(FleetBench.Settings settings, double offeredPerSecond, double takenPerSecond, double maxPerSecond,
                   List<CoordinatorLog.Evaluation> evaluations, List<Long> residentBytes, Duration heartbeatTimeout,
                   Optional<Duration> rebalance, Optional<Duration> failover) {

    static final double HEADROOM_TARGET = 10;
    static final long EVALUATION_TARGET_MS = 1000;
    static final long MEMORY_TARGET_BYTES = 2L << 30;

    double headroom() {
        return maxPerSecond / offeredPerSecond;
    }

    long slowestEvaluationMs() {
        return evaluations.stream().mapToLong(CoordinatorLog.Evaluation::totalMs).max().orElse(Long.MAX_VALUE);
    }

    long medianEvaluationMs() {
        long[] sorted = evaluations.stream().mapToLong(CoordinatorLog.Evaluation::totalMs).sorted().toArray();
        return sorted.length == 0 ? Long.MAX_VALUE : sorted[sorted.length / 2];
    }

    long slowestEngineMs() {
        return evaluations.stream().mapToLong(CoordinatorLog.Evaluation::engineMs).max().orElse(Long.MAX_VALUE);
    }

    long mostResident() {
        return residentBytes.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    boolean passed() {
        return headroom() >= HEADROOM_TARGET && slowestEvaluationMs() <= EVALUATION_TARGET_MS && mostResident() <= MEMORY_TARGET_BYTES
                && rebalance.filter(took -> took.compareTo(heartbeatTimeout.plus(FleetBench.TICK)) <= 0).isPresent() && failover.isPresent();
    }

    void print(PrintWriter out) {
        out.println();
        out.printf("| measure | result | target |%n|---|---|---|%n");
        out.printf("| offered load | %.0f outcomes/s (%,d journeys × %d regions a minute, %,d agents) | |%n", offeredPerSecond,
                settings.journeys(), FleetBench.REGIONS.size(), settings.agents());
        out.printf("| taken while the fleet ran | %.0f outcomes/s | = offered |%n", takenPerSecond);
        out.printf("| most the group takes | %.0f outcomes/s: headroom %.1f× | ≥ %.0f× |%n", maxPerSecond, headroom(), HEADROOM_TARGET);
        out.printf("| full evaluation of %,d SLOs | median %d ms, slowest %d ms (engine alone: slowest %d ms; %d evaluations) | ≤ %d ms |%n",
                settings.journeys(), medianEvaluationMs(), slowestEvaluationMs(), slowestEngineMs(), evaluations.size(), EVALUATION_TARGET_MS);
        out.printf("| memory per coordinator (most RSS) | %s | ≤ 2048 MiB |%n",
                String.join(", ", residentBytes.stream().map(bytes -> (bytes >> 20) + " MiB").toList()));
        out.printf("| rebalance after 100 agents die | %s | within the %d s heartbeat timeout + one %d s poll |%n",
                rebalance.map(took -> String.format("%.1f s", took.toMillis() / 1e3)).orElse("not within the limit"),
                heartbeatTimeout.toSeconds(), FleetBench.TICK.toSeconds());
        out.printf("| leader kill -9 → the other leads and evaluates | %s | within 3 evaluation intervals |%n",
                failover.map(took -> String.format("%.1f s", took.toMillis() / 1e3)).orElse("not within the limit"));
        out.printf("%n%s%n", passed() ? "every target met" : "a target was missed");
        out.flush();
    }
}
