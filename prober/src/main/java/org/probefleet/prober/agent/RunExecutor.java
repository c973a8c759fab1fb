package org.probefleet.prober.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Kind;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.OutcomeStatus;
import org.probefleet.prober.browser.BrowserSettings;
import org.probefleet.prober.report.Outbox;
import org.probefleet.prober.kinds.JourneyKinds;
import org.probefleet.prober.run.Attempts;
import org.probefleet.prober.run.Failures;
import org.probefleet.prober.run.RunContext;
import org.probefleet.prober.run.RunResult;
import org.probefleet.prober.run.RunnerRegistry;
import org.probefleet.prober.run.Runners;
import org.probefleet.prober.run.Secrets;
import org.probefleet.prober.schedule.IncidentTracker;
import org.probefleet.prober.schedule.JourneyScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a scheduled run does: take a runner slot (browser slots are bounded, default one per core),
 * run the journey with its retries on this thread's own runners, decide which artifacts to keep,
 * and record the outcome in the outbox. A failure while the agent's self-check fails is its own error.
 */
public final class RunExecutor implements JourneyScheduler.RunAction, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    private final String region;
    private final String agent;
    private final Secrets secrets;
    private final Path artifactDir;
    private final Outbox outbox;
    private final AgentMetrics metrics;
    private final BooleanSupplier selfCheckOk;
    private final Semaphore browserSlots;
    private final java.util.concurrent.ExecutorService browserWorkers;
    private final IncidentTracker incidents = new IncidentTracker();
    private final List<Runners> allRunners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Runners> runners;

    /** Runs every journey kind this prober knows, browser runs with {@code browserSettings}. */
    public RunExecutor(String region, String agent, Secrets secrets, Path artifactDir, Outbox outbox, AgentMetrics metrics,
                       BooleanSupplier selfCheckOk, BrowserSettings browserSettings, int browserSlotCount, java.time.Clock clock) {
        this(region, agent, secrets, artifactDir, outbox, metrics, selfCheckOk, JourneyKinds.registry(browserSettings, clock),
                browserSlotCount);
    }

    RunExecutor(String region, String agent, Secrets secrets, Path artifactDir, Outbox outbox, AgentMetrics metrics,
                BooleanSupplier selfCheckOk, RunnerRegistry registry, int browserSlotCount) {
        this.region = region;
        this.agent = agent;
        this.secrets = secrets;
        this.artifactDir = artifactDir;
        this.outbox = outbox;
        this.metrics = metrics;
        this.selfCheckOk = selfCheckOk;
        this.browserSlots = new Semaphore(browserSlotCount, true);
        // Slot threads load Java journeys with the class loader the agent was started with (--classpath), whichever thread starts them.
        ClassLoader journeyClasses = Thread.currentThread().getContextClassLoader();
        this.browserWorkers = java.util.concurrent.Executors.newFixedThreadPool(browserSlotCount, runnable -> {
            Thread thread = new Thread(runnable, "browser-slot");
            thread.setDaemon(true);
            thread.setContextClassLoader(journeyClasses);
            return thread;
        });
        this.runners = ThreadLocal.withInitial(() -> {
            Runners created = registry.open();
            allRunners.add(created);
            return created;
        });
    }

    @Override
    public void run(Journey journey, Instant planned, Instant actual) {
        metrics.lag(Duration.between(planned, actual));
        if (journey.kind() != Kind.BROWSER) {
            runHere(journey);
            return;
        }
        try {
            if (!browserSlots.tryAcquire(journey.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("journey {}: no browser slot free within its timeout; run skipped", journey.id());
                return;
            }
            try {
                // Browser runs happen on the slot threads, so the agent has one Chromium per slot, not one per scheduler thread.
                browserWorkers.submit(() -> runHere(journey)).get();
            } finally {
                browserSlots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("journey {}: the run failed unexpectedly", journey.id(), e.getCause());
        }
    }

    private void runHere(Journey journey) {
        RunContext context = new RunContext(region, agent, Optional.empty(), secrets, artifactDir, true);
        Attempts.Report report = Attempts.run(runners.get().forJourney(journey), journey, context, Runners.version(journey));
        Outcome outcome = report.outcome().withStatus(Failures.reported(report.outcome().status(), selfCheckOk.getAsBoolean()));
        if (!incidents.keepArtifacts(journey.id(), outcome.status(), outcome.attempts())) {
            report.attempts().forEach(RunExecutor::deleteArtifacts);
            outcome = outcome.withArtifacts(Map.of());
        }
        outbox.append(outcome);
        metrics.recorded(outcome);
    }

    private static void deleteArtifacts(RunResult attempt) {
        for (Path file : attempt.artifacts().values()) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                LOG.warn("cannot delete artifact {}", file, e);
            }
        }
    }

    /** Lets running browser runs finish, then closes every runner; no thread uses them any more by then. */
    @Override
    public void close() {
        browserWorkers.shutdown();
        try {
            browserWorkers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        allRunners.forEach(Runners::close);
    }
}
