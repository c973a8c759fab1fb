package org.probefleet.prober.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Due runs wait for a runner in planned order, one per journey, and only as long as their start-by time allows. */
class RunQueueTest {

    static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    final AtomicReference<Instant> now = new AtomicReference<>(T0);
    final InstantSource clock = now::get;
    final RunQueue queue = new RunQueue(clock);

    static DueRun due(String journey, Instant planned) {
        return DueRun.of(ScheduleTest.journey(journey, "{ every: 1m, spread: 20s }"), planned, DueRun.SCHEDULED);
    }

    @Test
    @DisplayName("runs start in the order they were planned, not the order they were queued")
    void plannedOrder() throws Exception {
        queue.offer(due("late", T0.plusSeconds(2)));
        queue.offer(due("early", T0.plusSeconds(1)));

        assertThat(queue.take().map(DueRun::journeyId)).hasValue("early");
        assertThat(queue.take().map(DueRun::journeyId)).hasValue("late");
    }

    @Test
    @DisplayName("a journey with a run waiting or running is not queued again until that run has finished")
    void onePerJourney() throws Exception {
        assertThat(queue.offer(due("checkout", T0))).isTrue();
        assertThat(queue.offer(due("checkout", T0.plusSeconds(1)))).isFalse();
        DueRun running = queue.take().orElseThrow();
        assertThat(queue.offer(due("checkout", T0.plusSeconds(2)))).isFalse();

        queue.finished(running);

        assertThat(queue.offer(due("checkout", T0.plusSeconds(3)))).isTrue();
        assertThat(queue.waiting()).isEqualTo(1);
    }

    @Test
    @DisplayName("a run still waiting past its start-by time is dropped and counted; one within it starts however late")
    void expires() throws Exception {
        // every 1m with a 20s spread and the default 30s timeout: a run may wait 30s.
        assertThat(DueRun.maxWait(due("any", T0).journey())).isEqualTo(Duration.ofSeconds(30));
        queue.offer(due("stale", T0));
        queue.offer(due("fresh", T0.plusSeconds(5)));
        now.set(T0.plusSeconds(31));

        assertThat(queue.take().map(DueRun::journeyId)).hasValue("fresh");
        assertThat(queue.expired()).isEqualTo(1);
        assertThat(queue.offer(due("stale", T0.plusSeconds(60)))).isTrue();
    }

    @Test
    @DisplayName("a run waits at most its spread, at least its timeout, never past its next run or a minute")
    void waitBounds() {
        assertThat(DueRun.maxWait(ScheduleTest.journey("wide", "{ every: 5m }"))).isEqualTo(DueRun.MAX_WAIT);
        assertThat(DueRun.maxWait(ScheduleTest.journey("narrow", "{ every: 1m, spread: 0s }"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(DueRun.maxWait(ScheduleTest.journey("often", "{ every: 10s }"))).isEqualTo(Duration.ofSeconds(10));
        assertThat(DueRun.maxWait(ScheduleTest.journey("cron", "{ cron: \"0 */5 * * * ?\", spread: 45s }"))).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    @DisplayName("a closed queue refuses runs, drops the waiting ones and lets every taker go")
    void closes() throws Exception {
        queue.offer(due("checkout", T0));
        queue.close();

        assertThat(queue.take()).isEqualTo(Optional.empty());
        assertThat(queue.offer(due("login", T0))).isFalse();
        assertThat(queue.waiting()).isZero();
    }
}
