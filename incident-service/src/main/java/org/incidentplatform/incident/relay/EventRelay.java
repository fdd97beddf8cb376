package org.incidentplatform.incident.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.incidentplatform.incident.eventstore.EventBatchReader;
import org.incidentplatform.incident.leases.MongoLease;
import org.incidentplatform.incident.relay.RelayCursors.Cursor;
import org.incidentplatform.incident.relay.SinkCircuit.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The loop that relays pending aggregates while this instance holds the lease. It reads the
 * longest-pending cursors and relays their aggregates on up to {@code parallelism} tasks at once
 * (one task per aggregate, so each aggregate's events stay in order). A slot freed by a finished
 * task is filled at once from what was read, so one slow aggregate never holds up the others.
 * An aggregate whose sink fails, or whose announced events are not stored (yet), is retried with
 * its own back-off; a failing sink's circuit ({@link SinkCircuit}) keeps its aggregates from
 * taking the slots the others need.
 */
class EventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    /** Most aggregates relayed by one task with one read, one call per sink and one cursor update. */
    static final int MAX_BATCH = 64;

    private final RelayCursors cursors;
    private final EventStorageEngine store;
    private final EventBatchReader reader;
    private final List<RelaySink> sinks;
    private final Map<RelaySink, SinkCircuit> circuits = new IdentityHashMap<>();
    private final MongoLease lease;
    private final RelayWakeUp wakeUp;
    private final RelayStatus status;
    private final RelaySettings settings;
    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final Deque<Cursor> queue = new ArrayDeque<>();
    private long readAt = Long.MIN_VALUE;
    private volatile boolean running;
    private volatile Thread loop;

    EventRelay(RelayCursors cursors, EventStorageEngine store, EventBatchReader reader, List<RelaySink> sinks,
            MongoLease lease, RelayWakeUp wakeUp, RelayStatus status, RelaySettings settings) {
        this.cursors = cursors;
        this.store = store;
        this.reader = reader;
        this.sinks = List.copyOf(sinks);
        this.lease = lease;
        this.wakeUp = wakeUp;
        this.status = status;
        this.settings = settings;
        this.slots = new Semaphore(settings.parallelism());
        for (RelaySink sink : this.sinks) {
            circuits.put(sink, new SinkCircuit(settings.pollInterval(), settings.maxBackOff()));
        }
    }

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
                    queue.clear();
                    wakeUp.drainStored(); // Only the relaying instance needs to know; do not let them pile up.
                    // Not woken by local writes: a standby under load would otherwise ask for the lease on each one.
                    Thread.sleep(settings.leaseRetry().toMillis());
                    continue;
                }
                step();
                failureWait = settings.pollInterval().toMillis();
                wakeUp.await(settings.pollInterval().toMillis());
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
     * Reads pending cursors again when everything read has been started or the poll interval has
     * passed (not on every local write: under load that would be one query per event), then fills
     * the free slots. Not while every slot is busy: nothing read could start, and the pending
     * cursors read then are mostly the ones in flight (a wasted query, which under load sorted
     * every pending cursor again each time a slot freed).
     */
    void step() {
        wakeUp.drainStored().forEach(retries::remove); // Stored here just now: no reason to wait.
        long now = System.nanoTime();
        boolean due = queue.isEmpty() || now - readAt >= settings.pollInterval().toNanos();
        if (due && slots.availablePermits() > 0) {
            read();
            readAt = now;
        }
        fillSlots();
    }

    private void read() {
        List<Cursor> pending = cursors.pending(settings.batchSize());
        Instant now = Instant.now();
        List<Cursor> notStored = new ArrayList<>();
        queue.clear();
        for (Cursor cursor : pending) {
            Retry retry = retries.get(cursor.aggregateId());
            if (retry != null && retry.notBefore().isAfter(now)) {
                if (retry.notStored()) {
                    notStored.add(cursor);
                }
            } else if (!inFlight.contains(cursor.aggregateId())) {
                queue.add(cursor);
            }
        }
        status.read(lease.owner(), now, pending, notStored, retries.size());
    }

    /**
     * Starts queued aggregates in batches while slots are free: each batch takes what is queued, up
     * to {@link #MAX_BATCH} aggregates, so under load one task relays many aggregates with a few
     * commands, and when idle an aggregate goes alone at once. Further slots take what is left
     * beyond a full batch. (Sharing the queue out over all free slots instead made batches of two
     * or three under a steady flow, each paying the same commands and Kafka requests as a full one:
     * docs/benchmarks.md, December 7, sixth session.) An aggregate
     * probing a sink's circuit goes alone; one being retried goes in a batch half as large per
     * failed attempt ({@link #batchFor}), so one that keeps failing cannot hold up others for long.
     * Those whose sink's circuit is open stay pending.
     */
    private void fillSlots() {
        Instant now = Instant.now();
        List<Cursor> waiting = new ArrayList<>();
        while (!queue.isEmpty() && slots.tryAcquire()) {
            int limit = MAX_BATCH;
            List<Cursor> batch = new ArrayList<>();
            List<SinkCircuit> probes = new ArrayList<>();
            while (!queue.isEmpty() && batch.size() < limit) {
                Cursor cursor = queue.poll();
                if (inFlight.contains(cursor.aggregateId()) || wakeUp.isStoring(cursor.aggregateId())) {
                    continue; // Relayed now, or still being stored here: its unit of work wakes the relay when it ends.
                }
                List<SinkCircuit> taken = new ArrayList<>();
                if (!admitted(cursor, now, taken)) {
                    waiting.add(cursor); // Kept for the next slot: the circuit may let a probe through then.
                    continue;
                }
                int cap = taken.isEmpty() ? batchFor(cursor) : 1;
                if (batch.size() >= cap) {
                    taken.forEach(SinkCircuit::probeEnded);
                    queue.addFirst(cursor); // Does not fit this batch: the next one starts with it.
                    break;
                }
                limit = Math.min(limit, cap);
                inFlight.add(cursor.aggregateId());
                batch.add(cursor);
                probes.addAll(taken);
            }
            if (batch.isEmpty()) {
                slots.release();
                continue;
            }
            tasks.submit(() -> {
                try {
                    if (batch.size() == 1) {
                        relayOne(batch.getFirst());
                    } else {
                        relayBatch(batch);
                    }
                } finally {
                    probes.forEach(SinkCircuit::probeEnded);
                    batch.forEach(cursor -> inFlight.remove(cursor.aggregateId()));
                    slots.release();
                    wakeUp.slotFreed();
                }
            });
        }
        queue.addAll(waiting);
    }

    /**
     * The largest batch an aggregate may go in: {@link #MAX_BATCH}, halved for each failed attempt
     * (alone after six), so an aggregate a sink keeps refusing is soon relayed alone and fails only
     * itself, while the aggregates that failed together in an outage recover in batches.
     */
    private int batchFor(Cursor cursor) {
        Retry retry = retries.get(cursor.aggregateId());
        return retry == null ? MAX_BATCH : Math.max(1, MAX_BATCH >> Math.min(retry.attempts(), 6));
    }

    /** Whether every sink this aggregate needs lets it through now; probes taken are added to {@code probes}. */
    private boolean admitted(Cursor cursor, Instant now, List<SinkCircuit> probes) {
        for (RelaySink sink : sinks) {
            if (!sink.handles(cursor.type())) {
                continue;
            }
            SinkCircuit circuit = circuits.get(sink);
            Admission admission = circuit.admit(now);
            if (admission == Admission.WAIT) {
                probes.forEach(SinkCircuit::probeEnded);
                probes.clear();
                return false;
            }
            if (admission == Admission.PROBE) {
                probes.add(circuit);
            }
        }
        return true;
    }

    /**
     * Relays many aggregates with one read of their events, one call of each sink and one bulk
     * update of their cursors. An aggregate whose announced events are not stored goes the single
     * way, which knows how to wait for them. A failure leaves the whole batch pending; its
     * aggregates are retried in smaller batches ({@link #batchFor}).
     */
    void relayBatch(List<Cursor> batch) {
        Map<String, Long> after = new LinkedHashMap<>();
        batch.forEach(cursor -> after.put(cursor.aggregateId(), cursor.relayed()));
        RelaySink current = null;
        try {
            Map<String, List<DomainEventMessage<?>>> events = reader.readAfter(after, settings.maxEventsPerAggregate());
            List<Cursor> relayed = new ArrayList<>();
            for (Cursor cursor : batch) {
                if (events.get(cursor.aggregateId()).isEmpty()) {
                    relayOne(cursor);
                } else {
                    relayed.add(cursor);
                }
            }
            if (relayed.isEmpty()) {
                return;
            }
            for (RelaySink sink : sinks) {
                List<List<? extends DomainEventMessage<?>>> handled = new ArrayList<>();
                relayed.stream().filter(cursor -> sink.handles(cursor.type()))
                        .forEach(cursor -> handled.add(events.get(cursor.aggregateId())));
                if (!handled.isEmpty()) {
                    current = sink;
                    sink.relayAll(handled);
                    circuits.get(sink).succeeded();
                }
            }
            current = null;
            Map<Cursor, Long> upTo = new LinkedHashMap<>();
            int count = 0;
            for (Cursor cursor : relayed) {
                List<DomainEventMessage<?>> relayedEvents = events.get(cursor.aggregateId());
                upTo.put(cursor, relayedEvents.getLast().getSequenceNumber());
                count += relayedEvents.size();
            }
            status.relayedEvents(count);
            cursors.markRelayedAll(upTo);
            for (Cursor cursor : relayed) {
                retries.remove(cursor.aggregateId());
                status.relayed(cursor.aggregateId());
            }
        } catch (RuntimeException e) {
            if (current != null) {
                circuits.get(current).failed(Instant.now());
            }
            log.warn("Could not relay a batch of {} aggregates ({}); retrying in smaller batches with back-off", batch.size(),
                    e.toString());
            for (Cursor cursor : batch) {
                status.sinkFailed(cursor.aggregateId(), e);
                backOff(cursor, settings.maxBackOff(), false);
            }
        }
    }

    /** Relays one aggregate's stored events after its cursor and advances the cursor. */
    void relayOne(Cursor cursor) {
        RelaySink current = null;
        try {
            List<? extends DomainEventMessage<?>> events = read(cursor);
            if (!events.isEmpty()) {
                for (RelaySink sink : sinks) {
                    if (sink.handles(cursor.type())) {
                        current = sink;
                        sink.relay(events);
                        circuits.get(sink).succeeded();
                    }
                }
                current = null;
                status.relayedEvents(events.size());
            }
            long last = events.isEmpty() ? cursor.relayed() : events.getLast().getSequenceNumber();
            if (cursors.markRelayed(cursor, last)) {
                retries.remove(cursor.aggregateId());
                status.relayed(cursor.aggregateId());
                return;
            }
            if (!events.isEmpty()) {
                retries.remove(cursor.aggregateId());
                status.relayed(cursor.aggregateId());
                return; // More events than one read, or announced meanwhile: the next read has it again.
            }
            // Announced but not stored: a writer between announcing and storing, or one whose
            // append failed. Either way only the store can settle it: look again later.
            backOff(cursor, settings.notStoredRecheck(), true);
        } catch (RuntimeException e) {
            if (current != null) {
                circuits.get(current).failed(Instant.now());
            }
            status.sinkFailed(cursor.aggregateId(), e);
            log.warn("Could not relay {} {} after sequence {} ({}); retrying with back-off", cursor.type(),
                    cursor.aggregateId(), cursor.relayed(), e.toString());
            backOff(cursor, settings.maxBackOff(), false);
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
}
