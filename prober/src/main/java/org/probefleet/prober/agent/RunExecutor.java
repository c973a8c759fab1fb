package org.probefleet.prober.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.probefleet.journeys.model.Journey;
import org.probefleet.wire.outcome.Outcome;
import org.probefleet.wire.outcome.RunTrigger;
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
import org.probefleet.prober.schedule.DueRun;
import org.probefleet.prober.schedule.IncidentTracker;
import org.probefleet.prober.schedule.JourneyScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a due run does, on the runner thread its lane gave it (browser slot threads each keep their
 * own Chromium): run the journey with its retries on this thread's own runners, recording the
 * evidence the incident tracker asks for, decide which artifacts to keep, and record the outcome
 * in the outbox. A failure while the agent's self-check fails is its own error.
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
    private final IncidentTracker incidents = new IncidentTracker();
    private final List<Runners> allRunners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Runners> runners;

    /** Runs every journey kind this prober knows, browser runs with {@code browserSettings}. */
    public RunExecutor(String region, String agent, Secrets secrets, Path artifactDir, Outbox outbox, AgentMetrics metrics,
                       BooleanSupplier selfCheckOk, BrowserSettings browserSettings, java.time.Clock clock) {
        this(region, agent, secrets, artifactDir, outbox, metrics, selfCheckOk, JourneyKinds.registry(browserSettings, clock));
    }

    RunExecutor(String region, String agent, Secrets secrets, Path artifactDir, Outbox outbox, AgentMetrics metrics,
                BooleanSupplier selfCheckOk, RunnerRegistry registry) {
        this.region = region;
        this.agent = agent;
        this.secrets = secrets;
        this.artifactDir = artifactDir;
        this.outbox = outbox;
        this.metrics = metrics;
        this.selfCheckOk = selfCheckOk;
        this.runners = ThreadLocal.withInitial(() -> {
            Runners created = registry.open();
            allRunners.add(created);
            return created;
        });
    }

    @Override
    public void run(DueRun due, Instant started) {
        metrics.lag(Duration.between(due.planned(), started));
        Journey journey = due.journey();
        RunContext context = new RunContext(region, agent, Optional.empty(), secrets, artifactDir, incidents.evidenceFor(journey.id()));
        Attempts.Report report = Attempts.run(runners.get().forJourney(journey), journey, context, Runners.version(journey));
        Outcome outcome = report.outcome().withStatus(Failures.reported(report.outcome().status(), selfCheckOk.getAsBoolean()))
                .withTrigger(RunTrigger.fromWire(due.reason()).orElse(RunTrigger.SCHEDULE));
        boolean traced = report.attempts().stream().anyMatch(attempt -> attempt.artifacts().containsKey("trace"));
        if (!incidents.keepArtifacts(journey.id(), outcome.status(), outcome.attempts(), traced)) {
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

    /** Closes every runner; called once the scheduler has stopped, when no thread uses them any more. */
    @Override
    public void close() {
        allRunners.forEach(Runners::close);
    }
}
