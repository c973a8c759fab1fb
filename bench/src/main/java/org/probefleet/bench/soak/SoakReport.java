package org.probefleet.bench.soak;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.probefleet.bench.coordinator.IngestBench;

/**
 * What a soak found. It passes when every acknowledged outcome was read back (0 lost, none left
 * unverified), and the disk episode was answered 503 and ingest acknowledged again after it.
 *
 * @param answers ingest answers by HTTP status, or "no connection", over the whole run
 * @param diskAnswers the same, for batches answered during the disk episode
 * @param healthzNanos sorted /healthz latencies while the coordinator was meant to be up
 * @param restarts from each kill -9 to /healthz answering again, the final one before the read-back included
 * @param diskRecovery from the end of the disk episode to the first acknowledged batch; empty if none came
 */
record SoakReport(SoakBench.Settings settings, long acknowledged, long stored, long lost, long unverified, Map<String, Long> answers,
                  Map<String, Long> diskAnswers, long[] healthzNanos, long healthzFailures, List<Duration> restarts,
                  Optional<Duration> diskRecovery) {

    boolean passed() {
        return acknowledged > 0 && lost == 0 && unverified == 0 && diskAnswers.getOrDefault("503", 0L) > 0 && diskRecovery.isPresent();
    }

    void print(PrintWriter out) {
        row(out, "outcomes acknowledged (200)", String.format("%,d", acknowledged));
        row(out, "stored (read back after a final kill -9)", String.format("%,d", stored));
        row(out, "lost", String.format("%,d%s", lost, unverified == 0 ? "" : String.format(" (%,d could not be read back)", unverified)));
        row(out, "ingest answers", counts(answers));
        row(out, "healthz while up: p50 / p99 / max", String.format("%.1f / %.1f / %.1f ms over %,d answers, %d failed",
                IngestBench.percentile(healthzNanos, 0.50), IngestBench.percentile(healthzNanos, 0.99),
                healthzNanos.length == 0 ? Double.NaN : healthzNanos[healthzNanos.length - 1] / 1e6, healthzNanos.length, healthzFailures));
        row(out, "restarts after kill -9", String.format("%d, healthy again after %s", restarts.size(), spread(restarts)));
        row(out, "disk episode (" + settings.diskFor().toSeconds() + " s) answers", counts(diskAnswers));
        row(out, "disk episode recovery", diskRecovery.map(took -> String.format("first batch acknowledged %.1f s after it ended",
                took.toMillis() / 1e3)).orElse("no batch acknowledged after it ended"));
        row(out, "result", passed() ? "PASS" : "FAIL");
        out.flush();
    }

    private static void row(PrintWriter out, String name, String value) {
        out.printf("%-42s %s%n", name, value);
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, count) -> text.append(text.isEmpty() ? "" : ", ").append(kind).append(": ").append(String.format("%,d", count)));
        return text.toString();
    }

    private static String spread(List<Duration> restarts) {
        if (restarts.isEmpty()) {
            return "-";
        }
        long[] millis = restarts.stream().mapToLong(Duration::toMillis).sorted().toArray();
        return String.format("%.1f s median, %.1f s max", millis[(millis.length - 1) / 2] / 1e3, millis[millis.length - 1] / 1e3);
    }
}
