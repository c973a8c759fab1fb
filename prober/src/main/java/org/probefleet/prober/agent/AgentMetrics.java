package org.probefleet.prober.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.StepResult;

/** The agent's Prometheus metrics (names from {@link Conventions}). */
public final class AgentMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong worstLagMillis = new AtomicLong();

    public AgentMetrics(Supplier<Number> outboxPending, Supplier<Number> missedRuns) {
        Gauge.builder(Conventions.OUTBOX_PENDING, outboxPending).description("Outcomes recorded but not yet delivered").register(registry);
        Gauge.builder(Conventions.SCHEDULE_MISSED, missedRuns).description("Runs skipped because the last one still ran or no runner was free")
                .register(registry);
    }

    public void recorded(Outcome outcome) {
        Counter.builder(Conventions.JOURNEY_RUNS).description("Journey runs by outcome")
                .tags(Conventions.JOURNEY, outcome.journey(), Conventions.REGION, outcome.region(), Conventions.STATUS, outcome.status().wireName())
                .register(registry).increment();
        DistributionSummary.builder(Conventions.JOURNEY_DURATION).baseUnit("seconds").description("Journey run duration")
                .serviceLevelObjectives(Conventions.DURATION_BUCKETS_SECONDS)
                .tags(Conventions.JOURNEY, outcome.journey(), Conventions.REGION, outcome.region(), Conventions.STATUS, outcome.status().wireName())
                .register(registry).record(outcome.durationMs() / 1000.0);
        for (StepResult step : outcome.steps()) {
            Timer.builder(Conventions.STEP_DURATION).description("Step duration")
                    .tags(Conventions.JOURNEY, outcome.journey(), Conventions.STEP, step.name())
                    .register(registry).record(Duration.ofMillis(step.durationMs()));
        }
    }

    public void lag(Duration lag) {
        Duration late = lag.isNegative() ? Duration.ZERO : lag;
        Timer.builder(Conventions.SCHEDULE_LAG).description("How late runs start after their planned time")
                .publishPercentiles(0.5, 0.99).register(registry).record(late);
        worstLagMillis.accumulateAndGet(late.toMillis(), Math::max);
    }

    /** The latest start of a run since the last call, in milliseconds (0 when none ran): what each heartbeat reports. */
    public long takeWorstLagMillis() {
        return worstLagMillis.getAndSet(0);
    }

    public String scrape() {
        return registry.scrape();
    }
}
