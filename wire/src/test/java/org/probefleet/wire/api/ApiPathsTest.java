package org.probefleet.wire.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiPathsTest {

    @Test
    @DisplayName("paths built for a call match the routes the coordinator mounts")
    void pathsMatchRoutes() {
        assertThat(ApiPaths.assignments("eu-west-1")).isEqualTo(ApiPaths.ASSIGNMENTS_ROUTE.replace(":agent", "eu-west-1"));
        assertThat(ApiPaths.artifact("run-1.png")).isEqualTo(ApiPaths.ARTIFACT_ROUTE.replace(":id", "run-1.png"));
        assertThat(ApiPaths.gate("checkout")).isEqualTo(ApiPaths.GATE_ROUTE.replace(":name", "checkout"));
        assertThat(ApiPaths.gateOverride("checkout")).isEqualTo("/api/v1/slos/checkout/gate/override");
        assertThat(ApiPaths.report("2026 Q4")).isEqualTo("/api/v1/report?quarter=2026+Q4");
        assertThat(ApiPaths.bearer("s3cret")).isEqualTo("Bearer s3cret");
    }
}
