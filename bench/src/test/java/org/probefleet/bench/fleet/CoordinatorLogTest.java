package org.probefleet.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoordinatorLogTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("the evaluations after a line are read with their role and times; the last word on the lead counts")
    void evaluationsAndLead() throws Exception {
        Path file = folder.resolve("coordinator.log");
        Files.writeString(file, """
                [vert.x-worker-thread-0] DEBUG org.probefleet.coordinator.api.CoordinatorServer - evaluated 300 SLOs as FOLLOWER in 9 ms: engine 4 ms
                [vert.x-worker-thread-1] INFO org.probefleet.coordinator.group.LeaseLeadership - coordinator a leads the group (fencing token 2): it evaluates alerts and tells on-call
                [vert.x-worker-thread-1] DEBUG org.probefleet.coordinator.api.CoordinatorServer - evaluated 300 SLOs as NEW_LEADER in 212 ms: engine 31 ms
                [vert.x-worker-thread-0] DEBUG org.probefleet.coordinator.api.CoordinatorServer - evaluated 300 SLOs as LEADER in 180 ms: engine 20 ms
                """);
        CoordinatorLog log = new CoordinatorLog(file);

        assertThat(log.evaluations(1)).containsExactly(new CoordinatorLog.Evaluation(300, "NEW_LEADER", 212, 31),
                new CoordinatorLog.Evaluation(300, "LEADER", 180, 20));
        assertThat(log.leads()).isTrue();

        Files.writeString(file, "[main] WARN x - coordinator a no longer leads the group: another member took over\n",
                StandardOpenOption.APPEND);
        assertThat(log.leads()).isFalse();
    }
}
