package org.incidentplatform.incident.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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

    private final RelayCursors cursors;
    private final EventStorageEngine store;
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

    EventRelay(RelayCursors cursors, EventStorageEngine store, List<RelaySink> sinks, MongoLease lease,
            RelayWakeUp wakeUp, RelayStatus status, RelaySettings settings) {
        this.cursors = cursors;
        this.store = store;
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
     * the free slots.
     */
    void step() {
        wakeUp.drainStored().forEach(retries::remove); // Stored here just now: no reason to wait.
        long now = System.nanoTime();
        if (queue.isEmpty() || now - readAt >= settings.pollInterval().toNanos()) {
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

    /** Starts queued aggregates while slots are free; those whose sink's circuit is open stay pending. */
    private void fillSlots() {
        Instant now = Instant.now();
        List<Cursor> waiting = new ArrayList<>();
        while (!queue.isEmpty() && slots.tryAcquire()) {
            Cursor cursor = queue.poll();
            List<SinkCircuit> probes = new ArrayList<>();
            if (inFlight.contains(cursor.aggregateId()) || !admitted(cursor, now, probes)) {
                slots.release();
                if (!inFlight.contains(cursor.aggregateId())) {
                    waiting.add(cursor); // Kept for the next slot: the circuit may let a probe through then.
                }
                continue;
            }
            inFlight.add(cursor.aggregateId());
            tasks.submit(() -> {
                try {
                    relayOne(cursor);
                } finally {
                    probes.forEach(SinkCircuit::probeEnded);
                    inFlight.remove(cursor.aggregateId());
                    slots.release();
                    wakeUp.slotFreed();
                }
            });
        }
        queue.addAll(waiting);
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
