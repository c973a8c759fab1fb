package org.probefleet.coordinator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.LoadResult;
import org.probefleet.journeys.model.Definitions;
import org.probefleet.journeys.model.RumIndicator;
import org.probefleet.journeys.model.Slo;

/** {@code ./fleet export --openslo} output, put beside the journeys and policies instead of the SLO files, loads back as the same SLOs. */
class OpenSloRoundTripTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("the examples' SLOs exported to OpenSLO load back as the same SLOs, but the rum SLO, which OpenSLO export leaves out")
    void journeySlosRoundTrip() throws Exception {
        Path examples = Path.of(PrometheusRulesTest.EXAMPLES);
        Definitions original = DefinitionLoader.loadFolder(examples).definitions();
        try (var files = Files.list(examples)) {
            for (Path file : files.filter(path -> !path.getFileName().toString().endsWith("-slo.yaml")).toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Files.writeString(folder.resolve("openslo.yaml"), OpenSlo.render(original));

        assertSameSlos(DefinitionLoader.loadFolder(folder),
                original.slos().stream().filter(slo -> !(slo.indicator() instanceof RumIndicator)).toList());
    }

    @Test
    @DisplayName("the seed's Prometheus ratio SLO exported to OpenSLO loads back as the same SLO")
    void ratioSloRoundTrips() throws Exception {
        Definitions original = DefinitionLoader.loadFile(Path.of(RatioRulesTest.SEED)).definitions();
        Files.writeString(folder.resolve("openslo.yaml"), OpenSlo.render(original));

        assertSameSlos(DefinitionLoader.loadFolder(folder), original.slos());
    }

    private static void assertSameSlos(LoadResult loaded, List<Slo> original) {
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.definitions().slos()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("origin")
                .containsExactlyInAnyOrderElementsOf(original);
        assertThat(original).isNotEmpty();
    }
}
