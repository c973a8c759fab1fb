package org.probefleet.bench.detect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trials of a live detect run and the definitions they need, without I/O: one journey and
 * one SLO per trial (99.9%, the default 30-day window, quorum and minimum events, probed every
 * minute from every region with the default spread, like the modelled bench's), and chaos
 * starts staggered so the trials run side by side. Kinds alternate, the longest first.
 */
record TrialPlan(List<Trial> trials, List<String> regions) {

    static final Duration WARM_UP = Duration.ofMinutes(2);
    static final Duration STAGGER = Duration.ofSeconds(12);
    static final List<Trial.Kind> ORDER = List.of(Trial.Kind.ONE_REGION, Trial.Kind.BLIP, Trial.Kind.FULL_OUTAGE);

    TrialPlan {
        trials = List.copyOf(trials);
        regions = List.copyOf(regions);
    }

    /** {@code count} trials of each kind; one-region outages and blips take the regions in turn. */
    static TrialPlan of(int count, List<String> regions) {
        if (count < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + count);
        }
        List<Trial> trials = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            for (Trial.Kind kind : ORDER) {
                Duration at = WARM_UP.plus(STAGGER.multipliedBy(trials.size()));
                Optional<String> region = kind == Trial.Kind.FULL_OUTAGE ? Optional.empty()
                        : Optional.of(regions.get((number - 1 + kind.ordinal()) % regions.size()));
                trials.add(new Trial(kind, number, at, region));
            }
        }
        return new TrialPlan(trials, regions);
    }

    /** File name → YAML of every trial's journey and SLO, against the shop at {@code shopUrl}. */
    Map<String, String> definitions(String shopUrl) {
        Map<String, String> files = new TreeMap<>();
        for (Trial trial : trials) {
            files.put(trial.key() + ".yaml", """
                    journey: %s
                    description: %s %d of the live detect benchmark
                    schedule: { every: 1m }
                    regions: [%s]
                    kind: http
                    base_url: %s
                    steps:
                      - name: ping
                        request: { method: GET, path: %s }
                        expect: { status: 200 }
                    """.formatted(trial.key(), trial.kind().label, trial.number(), String.join(", ", regions), shopUrl, trial.path()));
            files.put(trial.key() + "-slo.yaml", """
                    slo:
                      name: %s
                      owner: bench
                      indicator: { journey: %s }
                      target: 0.999
                    """.formatted(trial.slo(), trial.key()));
        }
        return files;
    }
}
