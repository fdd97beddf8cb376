package org.incidentplatform.incident.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A {@link GroupLeader} for writes that succeed or fail as a whole: the items of concurrent
 * callers go to {@code write} in one call, and every caller of a failed call gets its failure.
 *
 * @param <T> what one caller writes
 */
public final class GroupedWrites<T> {

    private static final int MAX_CALLERS = 256;

    private final GroupLeader<Pending<T>> leader;

    public GroupedWrites(Consumer<List<T>> write) {
        this.leader = new GroupLeader<>(MAX_CALLERS, batch -> writeAll(write, batch));
    }

    private record Pending<T>(List<T> items, CompletableFuture<Void> done) implements GroupLeader.Entry {
    }

    /** Returns once the items are written, or throws what the write threw. */
    public void write(List<T> items) {
        leader.submit(new Pending<>(items, new CompletableFuture<>()));
    }

    /** Callers waiting for a write, the one in progress not counted. */
    int waiting() {
        return leader.waiting();
    }

    private static <T> void writeAll(Consumer<List<T>> write, List<Pending<T>> batch) {
        List<T> items = new ArrayList<>();
        batch.forEach(pending -> items.addAll(pending.items()));
        try {
            write.accept(items);
            batch.forEach(pending -> pending.done().complete(null));
        } catch (Throwable failure) {
            batch.forEach(pending -> pending.done().completeExceptionally(failure));
        }
    }
}
