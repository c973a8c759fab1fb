package org.probefleet.coordinator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.probefleet.coordinator.service.JourneyStatus;
import org.probefleet.journeys.load.DefinitionLoader;
import org.probefleet.journeys.load.SourceFile;
import org.probefleet.journeys.model.Journey;

class JourneysPageTest {

    static final String HOSTILE = "<script>alert(\"x\")</script>";

    @Test
    @DisplayName("a journey description with markup and quotes shows as text on the journeys page")
    void hostileDescriptionIsEscaped() {
        Journey journey = DefinitionLoader.load(List.of(new SourceFile("evil.yaml", """
                journey: evil
                description: '%s'
                owner: team
                schedule: { every: 1m }
                timeout: 10s
                base_url: http://localhost
                kind: http
                steps:
                  - name: home
                    request: { method: GET, path: / }
                    expect: { status: 200 }
                """.formatted(HOSTILE)))).definitions().journeys().get(0);

        String page = JourneysPage.render(List.of(new JourneyStatus.Row(journey, Map.of("eu-west", Optional.empty()), 0, 0)),
                Instant.parse("2026-05-01T00:00:00Z"), Duration.ofSeconds(30));

        assertThat(page).contains("<div class=\"muted\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</div>").doesNotContain(HOSTILE);
    }
}
