package org.probefleet.prober.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Schedule;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs journeys on their schedules with Quartz (in memory): {@code every} on an epoch-aligned
 * grid shifted by the journey's offset ({@link Spread#offsets}), {@code cron} on its expression delayed by the
 * offset. A due run queues for a runner of its kind ({@link RunLanes}) and waits at most
 * {@link DueRun#maxWait}; {@link #runNow} queues one out of schedule. Never two runs of one
 * journey at once; a run that cannot start in time is skipped and counted, never made up in a
 * burst. The only place Quartz is used.
 */
public final class JourneyScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyScheduler.class);
    private static final String GROUP = "journeys";

    /** Quartz only queues due runs, which takes no time: two threads keep its triggers on time. */
    private static final int TRIGGER_THREADS = 2;
    private static final Duration MISFIRE_THRESHOLD = Duration.ofSeconds(5);

    /** What a due run does; called on its lane's runner thread when it starts, which is how late it starts. */
    @FunctionalInterface
    public interface RunAction {
        void run(DueRun due, Instant started);
    }

    /** What {@link #runNow} did. */
    public enum Queued { YES, ALREADY_WAITING_OR_RUNNING, UNKNOWN_JOURNEY }

    private final Scheduler scheduler;
    private final RunLanes lanes;
    private final InstantSource clock;
    private final String region;
    private final AtomicLong missed = new AtomicLong();
    private final Map<String, Journey> scheduled = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Duration> offsets = new HashMap<>();

    /**
     * Runs browser journeys {@code browserSlots} at a time and every other kind {@code otherSlots} at a time,
     * at the offsets of {@code region} ({@link Spread#offset(Journey, String)}).
     */
    public JourneyScheduler(int browserSlots, int otherSlots, String region, RunAction action, InstantSource clock) {
        this.region = region;
        this.clock = clock;
        this.lanes = new RunLanes(browserSlots, otherSlots, action, clock);
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "probefleet-agent");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(TRIGGER_THREADS));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "journey-trigger");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        // A trigger Quartz fires a few seconds late (the agent starting Chromium while it schedules every journey) still
        // queues its run, its lateness counted as lag; only one later than this is skipped and counted as missed.
        properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD.toMillis()));
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, ignored) -> bundle.getJobDetail().getJobClass() == DelayJob.class
                    ? new DelayJob(scheduler) : new RunJob(this::queueScheduled, scheduled));
            scheduler.getListenerManager().addTriggerListener(new TriggerListenerSupport() {
                @Override
                public String getName() {
                    return "missed-runs";
                }

                @Override
                public void triggerMisfired(Trigger trigger) {
                    missed.incrementAndGet();
                    LOG.warn("journey {}: a run was due while the scheduler could not fire it; skipped", trigger.getJobKey().getName());
                }
            });
            scheduler.start();
        } catch (SchedulerException e) {
            lanes.close();
            throw new IllegalStateException("cannot start the journey scheduler", e);
        }
    }

    /**
     * Replaces the scheduled journeys with {@code journeys}: new ones start, changed ones restart, gone ones
     * stop, and those whose place in the even spread moved ({@link Spread#offsets}) restart at their new
     * offset, never sooner than half an interval after their last planned run.
     */
    public synchronized void schedule(List<Journey> journeys, Instant now) {
        try {
            Map<String, Journey> wanted = new HashMap<>();
            journeys.forEach(journey -> wanted.put(journey.id(), journey));
            Map<String, Duration> wantedOffsets = Spread.offsets(journeys, region);
            Map<String, Instant> lastPlanned = new HashMap<>();
            for (String id : List.copyOf(scheduled.keySet())) {
                if (!wanted.containsKey(id) || !wanted.get(id).equals(scheduled.get(id)) || !wantedOffsets.get(id).equals(offsets.get(id))) {
                    Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(id, GROUP));
                    if (trigger != null && trigger.getPreviousFireTime() != null) {
                        lastPlanned.put(id, trigger.getPreviousFireTime().toInstant());
                    }
                    scheduler.deleteJob(JobKey.jobKey(id, GROUP));
                    scheduler.deleteJob(JobKey.jobKey(id + "-delay", GROUP));
                    scheduled.remove(id);
                    offsets.remove(id);
                }
            }
            for (Journey journey : journeys) {
                if (!scheduled.containsKey(journey.id())) {
                    add(journey, wantedOffsets.get(journey.id()), lastPlanned.get(journey.id()), now);
                    scheduled.put(journey.id(), journey);
                    offsets.put(journey.id(), wantedOffsets.get(journey.id()));
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule journeys", e);
        }
    }

    private void add(Journey journey, Duration offset, Instant lastPlanned, Instant now) throws SchedulerException {
        JobDetail run = JobBuilder.newJob(RunJob.class).withIdentity(journey.id(), GROUP).storeDurably().build();
        if (journey.schedule() instanceof Schedule.Every every) {
            Instant earliest = lastPlanned == null ? now : max(now, lastPlanned.plus(every.interval().dividedBy(2)));
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(journey.id(), GROUP).forJob(run)
                    .startAt(Date.from(Spread.firstStart(earliest, every.interval(), offset)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(every.interval().toMillis())
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(run, trigger);
        } else {
            Schedule.Cron cron = (Schedule.Cron) journey.schedule();
            scheduler.addJob(run, true);
            JobDetail delay = JobBuilder.newJob(DelayJob.class).withIdentity(journey.id() + "-delay", GROUP)
                    .usingJobData("journey", journey.id()).usingJobData("offsetMillis", offset.toMillis()).build();
            scheduler.scheduleJob(delay, TriggerBuilder.newTrigger().withIdentity(journey.id() + "-cron", GROUP)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron.expression()).withMisfireHandlingInstructionDoNothing()).build());
        }
        LOG.info("journey {}: {}, offset {} ms", journey.id(), journey.schedule().describe(), offset.toMillis());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Queues a run {@code reason} asked for now, as a scheduled run would be queued: it waits at most {@link DueRun#maxWait}. */
    public Queued runNow(String journeyId, String reason) {
        Journey journey = scheduled.get(journeyId);
        if (journey == null) {
            return Queued.UNKNOWN_JOURNEY;
        }
        return lanes.offer(DueRun.of(journey, clock.instant(), reason)) ? Queued.YES : Queued.ALREADY_WAITING_OR_RUNNING;
    }

    private void queueScheduled(Journey journey, Instant planned) {
        if (!lanes.offer(DueRun.of(journey, planned, DueRun.SCHEDULED))) {
            missed.incrementAndGet();
            LOG.warn("journey {}: a run was due while the last one still waited or ran; skipped", journey.id());
        }
    }

    /** Runs skipped: due while the journey's last run still waited or ran, not started in time, or not fired at all. */
    public long missed() {
        return missed.get() + lanes.expired();
    }

    /** Runs waiting for a runner now. */
    public int waiting() {
        return lanes.waiting();
    }

    public synchronized List<String> journeys() {
        return scheduled.keySet().stream().sorted().toList();
    }

    /** Stops starting runs, drops the waiting ones and waits for the running ones to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("the scheduler did not stop cleanly", e);
        }
        lanes.close();
    }

    /** Queues one journey's due run; the lanes keep two runs of a journey from overlapping. */
    public static final class RunJob implements Job {
        private final BiConsumer<Journey, Instant> queue;
        private final Map<String, Journey> journeys;

        RunJob(BiConsumer<Journey, Instant> queue, Map<String, Journey> journeys) {
            this.queue = queue;
            this.journeys = journeys;
        }

        @Override
        public void execute(JobExecutionContext context) {
            Journey journey = journeys.get(context.getJobDetail().getKey().getName());
            if (journey != null) {
                Date planned = context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime();
                queue.accept(journey, planned.toInstant());
            }
        }
    }

    /** For cron journeys: at each cron time, starts the run after the journey's spread offset. */
    public static final class DelayJob implements Job {
        private final Scheduler scheduler;

        DelayJob(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String journey = context.getMergedJobDataMap().getString("journey");
            long offset = context.getMergedJobDataMap().getLong("offsetMillis");
            try {
                scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(JobKey.jobKey(journey, GROUP))
                        .startAt(new Date(context.getFireTime().getTime() + offset))
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionNextWithRemainingCount()).build());
            } catch (SchedulerException e) {
                LOG.error("journey {}: cannot start its cron run", journey, e);
            }
        }
    }
}
