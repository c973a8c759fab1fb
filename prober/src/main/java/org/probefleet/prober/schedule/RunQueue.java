package org.probefleet.prober.schedule;

import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Due runs waiting for a runner, earliest planned first. Bounded twice over: at most one run per
 * journey waits or runs at a time (so the queue never holds more runs than there are journeys),
 * and a run that could not start by its {@link DueRun#startBy()} is dropped and counted as
 * expired, never started late. Shared by the runner threads of one lane.
 */
public final class RunQueue {

    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<DueRun> waiting = new PriorityQueue<>(Comparator.comparing(DueRun::planned));
    /** The journeys with a run waiting or running. */
    private final Set<String> busy = new HashSet<>();
    private long expired;
    private boolean closed;

    public RunQueue(InstantSource clock) {
        this.clock = clock;
    }

    /** Queues {@code run}; false when its journey already has a run waiting or running, or the queue is closed. */
    public boolean offer(DueRun run) {
        lock.lock();
        try {
            if (closed || !busy.add(run.journeyId())) {
                return false;
            }
            waiting.add(run);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next run that may still start, now marked running, waiting for one as long as it takes;
     * empty once the queue is closed. Runs past their start-by time are dropped on the way.
     */
    public Optional<DueRun> take() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return Optional.empty();
                }
                DueRun next = waiting.poll();
                if (next == null) {
                    changed.await();
                } else if (clock.instant().isAfter(next.startBy())) {
                    expired++;
                    busy.remove(next.journeyId());
                } else {
                    return Optional.of(next);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@code run} has ended: its journey may be queued again. */
    public void finished(DueRun run) {
        lock.lock();
        try {
            busy.remove(run.journeyId());
        } finally {
            lock.unlock();
        }
    }

    /** Runs waiting for a runner now. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Runs dropped because no runner was free before their start-by time, since the queue was made. */
    public long expired() {
        lock.lock();
        try {
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new runs, drops the waiting ones (a stopping agent starts nothing new) and wakes every taker. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            waiting.forEach(run -> busy.remove(run.journeyId()));
            waiting.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
