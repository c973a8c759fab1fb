package org.probefleet.prober.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.probefleet.wire.Conventions;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
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

    /**
     * Exposes every (journey, region, status) runs counter and duration histogram at 0 as soon as
     * the journeys are assigned: a series that appears only on its first run leaves the rules
     * without a success series after a restart during an outage, and rate() misses its first run.
     */
    public void assigned(Collection<String> journeys, String region) {
        for (String journey : journeys) {
            for (OutcomeStatus status : OutcomeStatus.values()) {
                runs(journey, region, status);
                duration(journey, region, status);
            }
        }
    }

    public void recorded(Outcome outcome) {
        runs(outcome.journey(), outcome.region(), outcome.status()).increment();
        duration(outcome.journey(), outcome.region(), outcome.status()).record(outcome.durationMs() / 1000.0);
        for (StepResult step : outcome.steps()) {
            Timer.builder(Conventions.STEP_DURATION).description("Step duration")
                    .tags(Conventions.JOURNEY, outcome.journey(), Conventions.STEP, step.name())
                    .register(registry).record(Duration.ofMillis(step.durationMs()));
        }
    }

    private Counter runs(String journey, String region, OutcomeStatus status) {
        return Counter.builder(Conventions.JOURNEY_RUNS).description("Journey runs by outcome")
                .tags(Conventions.JOURNEY, journey, Conventions.REGION, region, Conventions.STATUS, status.wireName())
                .register(registry);
    }

    private DistributionSummary duration(String journey, String region, OutcomeStatus status) {
        return DistributionSummary.builder(Conventions.JOURNEY_DURATION).baseUnit(Conventions.JOURNEY_DURATION_UNIT)
                .description("Journey run duration").serviceLevelObjectives(Conventions.DURATION_BUCKETS_SECONDS)
                .tags(Conventions.JOURNEY, journey, Conventions.REGION, region, Conventions.STATUS, status.wireName())
                .register(registry);
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
