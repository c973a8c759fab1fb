package org.probefleet.bench.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.load.SourceFile;

class TrialPlanTest {

    static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");

    @Test
    @DisplayName("kinds alternate, longest first, staggered after the warm-up; single-region trials take the regions in turn")
    void staggered() {
        TrialPlan plan = TrialPlan.of(2, REGIONS);

        assertThat(plan.trials()).extracting(Trial::key).containsExactly("detect-region-1", "detect-blip-1", "detect-full-1",
                "detect-region-2", "detect-blip-2", "detect-full-2");
        assertThat(plan.trials()).extracting(Trial::chaosAt).containsExactly(Duration.ofSeconds(120), Duration.ofSeconds(132),
                Duration.ofSeconds(144), Duration.ofSeconds(156), Duration.ofSeconds(168), Duration.ofSeconds(180));
        assertThat(plan.trials()).extracting(Trial::region).containsExactly(Optional.of("us-east"), Optional.of("ap-south"), Optional.empty(),
                Optional.of("ap-south"), Optional.of("eu-west"), Optional.empty());
    }

    @Test
    @DisplayName("every trial's journey and SLO load without a problem and probe the trial's own path")
    void definitionsLoad() {
        TrialPlan plan = TrialPlan.of(3, REGIONS);

        LoadResult loaded = DefinitionLoader.load(plan.definitions("http://127.0.0.1:8088").entrySet().stream()
                .map(file -> new SourceFile(file.getKey(), file.getValue())).toList());

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.definitions().journeys()).hasSize(9);
        assertThat(loaded.definitions().slos()).extracting(slo -> slo.name()).contains("detect-full-3-availability");
        assertThat(plan.definitions("http://127.0.0.1:8088").get("detect-blip-2.yaml")).contains("path: /ping/detect-blip-2");
    }
}
