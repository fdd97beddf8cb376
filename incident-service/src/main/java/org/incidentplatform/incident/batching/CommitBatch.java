package org.incidentplatform.incident.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the stored events a subscribing handler sees in one unit of work and hands them to
 * {@code write} once, when that unit commits. Outside a unit of work each event is written at once.
 * A failed write is logged, not thrown: the events are stored already and the event relay brings
 * the projection up to date from the event store (every user of this is also a relay sink).
 */
public final class CommitBatch {

    private static final Logger log = LoggerFactory.getLogger(CommitBatch.class);

    private final String name;
    private final Consumer<List<DomainEventMessage<?>>> write;
    /** When set, the events of units committing at the same time are written by one call. */
    private final GroupedWrites<DomainEventMessage<?>> acrossUnits;

    /** @param write receives the unit's events in the order they were handled */
    public CommitBatch(String name, Consumer<List<DomainEventMessage<?>>> write) {
        this(name, write, false);
    }

    private CommitBatch(String name, Consumer<List<DomainEventMessage<?>>> write, boolean grouped) {
        this.name = name;
        this.write = write;
        this.acrossUnits = grouped ? new GroupedWrites<>(this::writeLogged) : null;
    }

    /**
     * As the constructor, and units that commit while another's write is in progress are written
     * together ({@link GroupedWrites}): for a projection whose {@code write} takes many aggregates'
     * events in one command, so that a burst of commands does not pay one command each.
     */
    public static CommitBatch groupedAcrossUnits(String name, Consumer<List<DomainEventMessage<?>>> write) {
        return new CommitBatch(name, write, true);
    }

    public void add(DomainEventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            writeLogged(List.of(event));
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get();
        List<DomainEventMessage<?>> events = unit.getOrComputeResource("commit-batch:" + name, key -> {
            List<DomainEventMessage<?>> collected = new ArrayList<>();
            unit.afterCommit(u -> {
                if (acrossUnits == null) {
                    writeLogged(collected);
                } else {
                    acrossUnits.write(collected);
                }
            });
            return collected;
        });
        events.add(event);
    }

    private void writeLogged(List<DomainEventMessage<?>> events) {
        try {
            write.accept(events);
        } catch (RuntimeException e) {
            log.warn("{}: writing {} events failed; the event relay will repeat them from the event store", name,
                    events.size(), e);
        }
    }

    /** Splits events into runs of one aggregate each, keeping their order. */
    public static List<List<DomainEventMessage<?>>> byAggregate(List<DomainEventMessage<?>> events) {
        List<List<DomainEventMessage<?>>> runs = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            List<DomainEventMessage<?>> last = runs.isEmpty() ? null : runs.getLast();
            if (last != null && last.getLast().getAggregateIdentifier().equals(event.getAggregateIdentifier())) {
                last.add(event);
            } else {
                List<DomainEventMessage<?>> run = new ArrayList<>();
                run.add(event);
                runs.add(run);
            }
        }
        return runs;
    }
}
