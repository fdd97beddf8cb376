package org.incidentplatform.incident.periodic;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Work every instance repeats on its own thread at a fixed delay while the application runs (due
 * escalation steps, silent heartbeats, unpublished maintenance windows). {@link #runOnce} must
 * catch its own failures: one that escapes would stop the repetition.
 */
public abstract class PeriodicWork implements SmartLifecycle {

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService thread;

    protected PeriodicWork(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    protected abstract void runOnce();

    /** Runs the work now on its thread, as well as at the next tick (after a change that should not wait). */
    protected void runSoon() {
        ScheduledExecutorService current = thread;
        if (current != null) {
            current.execute(this::runOnce);
        }
    }

    @Override
    public synchronized void start() {
        thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
        thread.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }
}
