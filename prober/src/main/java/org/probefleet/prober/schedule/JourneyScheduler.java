package org.probefleet.prober.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.probefleet.journeys.model.Journey;
import org.probefleet.journeys.model.Schedule;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
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
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.listeners.TriggerListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs journeys on their schedules with Quartz (in memory): {@code every} on an epoch-aligned
 * grid shifted by the journey's spread offset, {@code cron} on its expression delayed by the
 * offset. Never two runs of one journey at once; a missed run is skipped and counted, never
 * made up in a burst. The only place Quartz is used.
 */
public final class JourneyScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JourneyScheduler.class);
    private static final String GROUP = "journeys";

    /** What a due run does; called on a scheduler thread with the planned and actual start. */
    @FunctionalInterface
    public interface RunAction {
        void run(Journey journey, Instant planned, Instant actual);
    }

    private final Scheduler scheduler;
    private final AtomicLong missed = new AtomicLong();
    private final Map<String, Journey> scheduled = new java.util.concurrent.ConcurrentHashMap<>();

    public JourneyScheduler(int threads, RunAction action) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "probefleet-agent");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", "journey-runner");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "1000");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, ignored) -> bundle.getJobDetail().getJobClass() == DelayJob.class
                    ? new DelayJob(scheduler) : new RunJob(action, scheduled));
            scheduler.getListenerManager().addTriggerListener(new TriggerListenerSupport() {
                @Override
                public String getName() {
                    return "missed-runs";
                }

                @Override
                public void triggerMisfired(Trigger trigger) {
                    missed.incrementAndGet();
                    LOG.warn("journey {}: a run was due while the last one still ran or no runner was free; skipped",
                            trigger.getJobKey().getName());
                }
            });
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the journey scheduler", e);
        }
    }

    /** Replaces the scheduled journeys with {@code journeys}: new ones start, changed ones restart, gone ones stop. */
    public synchronized void schedule(List<Journey> journeys, Instant now) {
        try {
            Map<String, Journey> wanted = new HashMap<>();
            journeys.forEach(journey -> wanted.put(journey.id(), journey));
            for (String id : List.copyOf(scheduled.keySet())) {
                if (!wanted.containsKey(id) || !wanted.get(id).equals(scheduled.get(id))) {
                    scheduler.deleteJob(JobKey.jobKey(id, GROUP));
                    scheduler.deleteJob(JobKey.jobKey(id + "-delay", GROUP));
                    scheduled.remove(id);
                }
            }
            for (Journey journey : journeys) {
                if (!scheduled.containsKey(journey.id())) {
                    add(journey, now);
                    scheduled.put(journey.id(), journey);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule journeys", e);
        }
    }

    private void add(Journey journey, Instant now) throws SchedulerException {
        Duration offset = Spread.offset(journey.id(), journey.schedule().spread());
        JobDetail run = JobBuilder.newJob(RunJob.class).withIdentity(journey.id(), GROUP).storeDurably().build();
        if (journey.schedule() instanceof Schedule.Every every) {
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(journey.id(), GROUP).forJob(run)
                    .startAt(Date.from(Spread.firstStart(now, every.interval(), offset)))
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

    public long missed() {
        return missed.get();
    }

    public synchronized List<String> journeys() {
        return scheduled.keySet().stream().sorted().toList();
    }

    /** Stops starting runs and waits for the running ones to finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("the scheduler did not stop cleanly", e);
        }
    }

    /** Runs one journey; Quartz never runs two of the same journey at once. */
    @DisallowConcurrentExecution
    public static final class RunJob implements Job {
        private final RunAction action;
        private final Map<String, Journey> journeys;

        RunJob(RunAction action, Map<String, Journey> journeys) {
            this.action = action;
            this.journeys = journeys;
        }

        @Override
        public void execute(JobExecutionContext context) {
            Journey journey = journeys.get(context.getJobDetail().getKey().getName());
            if (journey != null) {
                Date planned = context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime();
                action.run(journey, planned.toInstant(), context.getFireTime().toInstant());
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
