package org.probefleet.wire.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    @Test
    void versionSevenWithTheStartInItsFirstBits() {
        Instant start = Instant.parse("2026-11-28T10:00:00.123Z");
        UUID id = RunIds.next(start);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(start.toEpochMilli());
    }

    @Test
    void laterRunsSortAfterEarlierOnesAsText() {
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        String earlier = RunIds.next(start).toString();
        String later = RunIds.next(start.plusMillis(1)).toString();
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void distinctWithinOneMillisecond() {
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RunIds.next(start));
        }
        assertThat(ids).hasSize(100_000);
    }
}
