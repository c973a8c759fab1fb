package org.probefleet.bench.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DetectBenchTest {

    @Test
    @DisplayName("simulated outages: every full outage pages within 90 s, no one-region outage pages")
    void detection() throws Exception {
        StringWriter text = new StringWriter();

        new DetectBench(3, 7).run(new PrintWriter(text));

        assertThat(text.toString()).contains("full outages: 3 of 3 paged within 90 s", "one-region outages: 0 paged (must be 0); 3 of 3 raised")
                .doesNotContain("| NO |");
    }
}
