package org.incidentplatform.incident.relay;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the relay as soon as this instance has stored events, so that relaying them does not wait
 * for the next poll, or one of its tasks has ended. Events stored by other instances are found by
 * polling.
 */
@Component
public class RelayWakeUp {

    private final Semaphore signal = new Semaphore(0);
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    /** Aggregates whose events units of work of this instance are storing, with how many such units. */
    private final ConcurrentHashMap<String, Integer> storing = new ConcurrentHashMap<>();

    /** Called before a unit of work of this instance hands these aggregates' events to the store. */
    void storing(Collection<String> aggregateIds) {
        aggregateIds.forEach(id -> storing.merge(id, 1, Integer::sum));
    }

    /** Whether a unit of work of this instance is still storing this aggregate's events (and writing its views). */
    boolean isStoring(String aggregateId) {
        return storing.containsKey(aggregateId);
    }

    /**
     * Called when the events of these aggregates were stored and the unit of work that stored them
     * has ended (also when it failed: then whatever it stored is the relay's again).
     */
    public void eventsStored(Collection<String> aggregateIds) {
        aggregateIds.forEach(id -> storing.computeIfPresent(id, (key, units) -> units == 1 ? null : units - 1));
        stored.addAll(aggregateIds);
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Called by the relay's own tasks when one ends, so that the freed slot is filled at once. */
    void slotFreed() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** The aggregates stored since the last call. */
    Set<String> drainStored() {
        Set<String> drained = new HashSet<>();
        for (String id : stored) {
            if (stored.remove(id)) {
                drained.add(id);
            }
        }
        return drained;
    }

    /** Waits until events were stored or the time is up. */
    void await(long millis) throws InterruptedException {
        if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            signal.drainPermits();
        }
    }
}
