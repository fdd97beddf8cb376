package org.incidentplatform.incident.eventstore;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

/**
 * The events this instance has just stored, kept for a short while so that the event relay hands
 * them on without reading them back from MongoDB. Under a steady load the relay's read was one
 * query per relayed aggregate (most of the event store's finds), to fetch events this very JVM had
 * written milliseconds before.
 *
 * <p>Why serving them from memory relays exactly what is stored: an event is remembered only after
 * its insert succeeded, and the unique (aggregate, sequence) index means the event stored at that
 * position is this one. A read is answered from memory only with a gap-free run starting right
 * after the asked position; anything else (an event another instance stored, one not remembered
 * because memory was full or it expired, a second read after a sink failed) is read from the store
 * as before. The relay's completeness rests on its cursors, not on this: a short run only means
 * the cursor stays pending and the next read goes to the store. Timestamps are cut to
 * milliseconds, as the store keeps them, so a message looks the same whichever way it came.
 *
 * <p>Each remembered event is handed out once (a read takes it), expires after {@code ttl}, and
 * at most {@code capacity} are kept: when full, new events are not remembered, so a backlog's
 * oldest events, which the relay reads first, stay.
 */
public final class RecentEvents implements EventBatchReader {

    private final EventBatchReader store;
    private final int capacity;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    /** Per aggregate, in the order first remembered (so the oldest expire first). */
    private final LinkedHashMap<String, Remembered> byAggregate = new LinkedHashMap<>();
    private int size;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong read = new AtomicLong();

    private record Remembered(NavigableMap<Long, DomainEventMessage<?>> events, long since) {
    }

    public RecentEvents(EventBatchReader store, int capacity, Duration ttl) {
        this(store, capacity, ttl, System::nanoTime);
    }

    RecentEvents(EventBatchReader store, int capacity, Duration ttl, LongSupplier nanoTime) {
        this.store = store;
        this.capacity = capacity;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Called once the events are stored (never before, and never for an append that failed). */
    public synchronized void remember(List<? extends EventMessage<?>> events) {
        long now = nanoTime.getAsLong();
        expire(now);
        for (EventMessage<?> event : events) {
            if (size >= capacity) {
                return;
            }
            if (event instanceof DomainEventMessage<?> domain) {
                Remembered remembered = byAggregate.computeIfAbsent(domain.getAggregateIdentifier(),
                        id -> new Remembered(new TreeMap<>(), now));
                if (remembered.events().put(domain.getSequenceNumber(), asStored(domain)) == null) {
                    size++;
                }
            }
        }
    }

    @Override
    public Map<String, List<DomainEventMessage<?>>> readAfter(Map<String, Long> after, int maxPerAggregate) {
        Map<String, List<DomainEventMessage<?>>> events = new LinkedHashMap<>();
        Map<String, Long> fromStore = new LinkedHashMap<>();
        synchronized (this) {
            expire(nanoTime.getAsLong());
            after.forEach((aggregate, position) -> {
                List<DomainEventMessage<?>> run = take(aggregate, position, maxPerAggregate);
                if (run.isEmpty()) {
                    fromStore.put(aggregate, position);
                } else {
                    events.put(aggregate, run);
                }
            });
        }
        served.addAndGet(events.size());
        Map<String, List<DomainEventMessage<?>>> stored = fromStore.isEmpty() ? Map.of()
                : store.readAfter(fromStore, maxPerAggregate);
        read.addAndGet(fromStore.size());
        Map<String, List<DomainEventMessage<?>>> ordered = new LinkedHashMap<>();
        after.keySet().forEach(aggregate -> ordered.put(aggregate,
                events.containsKey(aggregate) ? events.get(aggregate) : stored.getOrDefault(aggregate, List.of())));
        return ordered;
    }

    /** Aggregates whose events were handed out from memory, and read from the store, since start. */
    public long served() {
        return served.get();
    }

    public long readFromStore() {
        return read.get();
    }

    synchronized int size() {
        return size;
    }

    /** The gap-free run right after {@code position}, taken out of memory; what lies at or before it is dropped. */
    private List<DomainEventMessage<?>> take(String aggregate, long position, int max) {
        Remembered remembered = byAggregate.get(aggregate);
        if (remembered == null) {
            return List.of();
        }
        NavigableMap<Long, DomainEventMessage<?>> head = remembered.events().headMap(position, true);
        size -= head.size();
        head.clear();
        List<DomainEventMessage<?>> run = new ArrayList<>();
        long next = position + 1;
        DomainEventMessage<?> event;
        while (run.size() < max && (event = remembered.events().remove(next)) != null) {
            run.add(event);
            size--;
            next++;
        }
        if (remembered.events().isEmpty()) {
            byAggregate.remove(aggregate);
        }
        return run;
    }

    private void expire(long now) {
        Iterator<Remembered> oldestFirst = byAggregate.values().iterator();
        while (oldestFirst.hasNext()) {
            Remembered remembered = oldestFirst.next();
            if (now - remembered.since() < ttlNanos) {
                return;
            }
            size -= remembered.events().size();
            oldestFirst.remove();
        }
    }

    /** The message as a read from the store gives it back: the store keeps timestamps to the millisecond. */
    private static DomainEventMessage<?> asStored(DomainEventMessage<?> event) {
        if (event.getTimestamp().getNano() % 1_000_000 == 0) {
            return event;
        }
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event, event.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
    }
}
