package org.probefleet.coordinator.rules;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.model.Definitions;

/** What the rules and OpenSLO generators write for the examples is checked in: a change to a published name shows as a diff. */
class GeneratedFilesGoldenTest {

    /** The rules deploy/ ships (and promtool tests) are exactly the generator's output for the examples. */
    static final Path RULES = Path.of("../deploy/prometheus/probefleet-rules.yml");
    static final Path OPENSLO = Path.of("src/test/resources/golden/probefleet-openslo.yml");

    private static Definitions examples() {
        return DefinitionLoader.loadFolder(Path.of(PrometheusRulesTest.EXAMPLES)).definitions();
    }

    @Test
    @DisplayName("the Prometheus rules generated for the examples are the checked-in deploy/prometheus/probefleet-rules.yml")
    void rulesMatchTheCheckedInFile() throws Exception {
        Golden.assertMatches(RULES, PrometheusRules.render(examples()),
                "./fleet rules journeys/examples -o deploy/prometheus/probefleet-rules.yml");
    }

    @Test
    @DisplayName("the OpenSLO documents generated for the examples are the checked-in golden file")
    void openSloMatchesTheCheckedInFile() throws Exception {
        Golden.assertMatches(OPENSLO, OpenSlo.render(examples()),
                "./fleet export --openslo journeys/examples -o coordinator/src/test/resources/golden/probefleet-openslo.yml");
    }
}
