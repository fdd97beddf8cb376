package org.incidentplatform.incident.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.incidentplatform.incident.relay.RelayCursors.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The loop that relays pending aggregates while this instance holds the lease. Each pass reads
 * the longest-pending cursors and relays their aggregates in parallel (one task per aggregate, so
 * each aggregate's events stay in order). An aggregate whose sink fails, or whose announced events
 * are not stored (yet), is retried with its own back-off; the others go on.
 */
class EventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final RelayCursors cursors;
    private final EventStorageEngine store;
    private final List<RelaySink> sinks;
    private final RelayLease lease;
    private final RelayWakeUp wakeUp;
    private final RelayStatus status;
    private final RelaySettings settings;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private volatile Thread loop;

    EventRelay(RelayCursors cursors, EventStorageEngine store, List<RelaySink> sinks, RelayLease lease,
            RelayWakeUp wakeUp, RelayStatus status, RelaySettings settings) {
        this.cursors = cursors;
        this.store = store;
        this.sinks = List.copyOf(sinks);
        this.lease = lease;
        this.wakeUp = wakeUp;
        this.status = status;
        this.settings = settings;
    }

    /** What happened to one aggregate in a pass. */
    enum Outcome { RELAYED, PARTLY_RELAYED, NOT_STORED_YET, FAILED }

    /** When to look at an aggregate again; {@code notStored}: because its announced events were not stored. */
    private record Retry(Instant notBefore, int attempts, boolean notStored) {
    }

    @Override
    public void start() {
        running = true;
        loop = Thread.ofPlatform().daemon().name("event-relay").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = loop;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tasks.shutdownNow();
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.debug("Could not release the relay lease at shutdown; it expires by itself", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops last-in, first-out at a higher phase) took its last request. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    private void run() {
        long failureWait = settings.pollInterval().toMillis();
        while (running) {
            try {
                if (!lease.holdOrAcquire()) {
                    status.standingBy(lease.owner());
                    wakeUp.drainStored(); // Only the relaying instance needs to know; do not let them pile up.
                    // Not woken by local writes: a standby under load would otherwise ask for the lease on each one.
                    Thread.sleep(settings.leaseRetry().toMillis());
                    continue;
                }
                boolean more = pass();
                failureWait = settings.pollInterval().toMillis();
                if (!more) {
                    wakeUp.await(settings.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // MongoDB unreachable (the lease or the cursors): back off, keep the loop alive.
                status.passFailed(e);
                log.warn("Event relay pass failed ({}); retrying in {} ms", e.getMessage(), failureWait);
                try {
                    Thread.sleep(failureWait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                failureWait = Math.min(failureWait * 2, settings.maxBackOff().toMillis());
            }
        }
    }

    /**
     * One pass over up to a batch of pending cursors.
     *
     * @return whether a full batch was relayed, so that more may be waiting right now
     */
    boolean pass() throws InterruptedException {
        List<Cursor> pending = cursors.pending(settings.batchSize());
        wakeUp.drainStored().forEach(retries::remove); // Stored here just now: no reason to wait.
        Instant now = Instant.now();
        List<Cursor> due = new ArrayList<>();
        List<Cursor> notStored = new ArrayList<>();
        for (Cursor cursor : pending) {
            Retry retry = retries.get(cursor.aggregateId());
            if (retry == null || !retry.notBefore().isAfter(now)) {
                due.add(cursor);
            } else if (retry.notStored()) {
                notStored.add(cursor);
            }
        }
        Semaphore parallel = new Semaphore(settings.parallelism());
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<Outcome>> outcomes = new ArrayList<>();
        List<Cursor> attempted = new ArrayList<>();
        for (Cursor cursor : due) {
            parallel.acquire();
            if (failed.get()) {
                // A sink is failing (Kafka down?): the rest would wait for the same timeouts.
                parallel.release();
                break;
            }
            attempted.add(cursor);
            outcomes.add(tasks.submit(() -> {
                try {
                    Outcome outcome = relayOne(cursor);
                    if (outcome == Outcome.FAILED) {
                        failed.set(true);
                    }
                    return outcome;
                } finally {
                    parallel.release();
                }
            }));
        }
        int relayed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = await(outcomes.get(i));
            if (outcome == Outcome.RELAYED) {
                relayed++;
            } else if (outcome == Outcome.NOT_STORED_YET) {
                notStored.add(attempted.get(i));
            }
        }
        status.passed(lease.owner(), now, pending, notStored, retries.size());
        return relayed > 0 && pending.size() == settings.batchSize();
    }

    /** Relays one aggregate's stored events after its cursor and advances the cursor. */
    Outcome relayOne(Cursor cursor) {
        try {
            List<? extends DomainEventMessage<?>> events = read(cursor);
            if (!events.isEmpty()) {
                for (RelaySink sink : sinks) {
                    if (sink.handles(cursor.type())) {
                        sink.relay(events);
                    }
                }
                status.relayedEvents(events.size());
            }
            long last = events.isEmpty() ? cursor.relayed() : events.getLast().getSequenceNumber();
            if (cursors.markRelayed(cursor, last)) {
                retries.remove(cursor.aggregateId());
                status.relayed(cursor.aggregateId());
                return Outcome.RELAYED;
            }
            if (!events.isEmpty()) {
                retries.remove(cursor.aggregateId());
                status.relayed(cursor.aggregateId());
                return Outcome.PARTLY_RELAYED; // More events than one read, or announced meanwhile: next pass.
            }
            // Announced but not stored: a writer between announcing and storing, or one whose
            // append failed. Either way only the store can settle it: look again later.
            backOff(cursor, settings.notStoredRecheck(), true);
            return Outcome.NOT_STORED_YET;
        } catch (RuntimeException e) {
            status.sinkFailed(cursor.aggregateId(), e);
            log.warn("Could not relay {} {} after sequence {} ({}); retrying with back-off", cursor.type(),
                    cursor.aggregateId(), cursor.relayed(), e.toString());
            backOff(cursor, settings.maxBackOff(), false);
            return Outcome.FAILED;
        }
    }

    private List<? extends DomainEventMessage<?>> read(Cursor cursor) {
        return store.readEvents(cursor.aggregateId(), cursor.relayed() + 1).asStream()
                .limit(settings.maxEventsPerAggregate())
                .toList();
    }

    private void backOff(Cursor cursor, Duration cap, boolean notStored) {
        Retry previous = retries.get(cursor.aggregateId());
        int attempts = previous == null ? 1 : previous.attempts() + 1;
        long millis = Math.min(cap.toMillis(), settings.pollInterval().toMillis() << Math.min(attempts, 16));
        retries.put(cursor.aggregateId(), new Retry(Instant.now().plusMillis(millis), attempts, notStored));
    }

    private static Outcome await(Future<Outcome> outcome) throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            return Outcome.FAILED; // relayOne catches its own failures; this is an Error in a sink.
        }
    }
}
