package org.incidentplatform.incident.batching;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes what concurrent callers hand in together: a caller finding nobody writing writes at once
 * (its own items and whatever queued before them); callers arriving during that write are written
 * together by one of them as soon as it ends. So an idle write costs one command, as before, and a
 * busy one pays one command per write instead of one per caller. Nobody waits for a batch to fill.
 * Every caller returns once its own items are written, or throws what the write threw.
 *
 * @param <T> what one caller writes
 */
public final class GroupedWrites<T> {

    private static final int MAX_CALLERS = 256;

    private final Consumer<List<T>> write;
    private final Queue<Pending<T>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private boolean writing;

    public GroupedWrites(Consumer<List<T>> write) {
        this.write = write;
    }

    private record Pending<T>(List<T> items, CompletableFuture<Void> done) {
    }

    public void write(List<T> items) {
        Pending<T> mine = new Pending<>(items, new CompletableFuture<>());
        queued.add(mine);
        lock.lock();
        try {
            while (!mine.done().isDone()) {
                if (writing) {
                    written.awaitUninterruptibly(); // Ours may be in the write in progress.
                    continue;
                }
                writing = true;
                List<Pending<T>> batch = take();
                lock.unlock();
                try {
                    writeAll(batch);
                } finally {
                    lock.lock();
                    writing = false;
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Callers waiting for a write, the one in progress not counted. */
    int waiting() {
        return queued.size();
    }

    private List<Pending<T>> take() {
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> next; batch.size() < MAX_CALLERS && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    private void writeAll(List<Pending<T>> batch) {
        List<T> items = new ArrayList<>();
        batch.forEach(pending -> items.addAll(pending.items()));
        try {
            write.accept(items);
            batch.forEach(pending -> pending.done().complete(null));
        } catch (Throwable failure) {
            // Never leave a taken caller unanswered: its thread would wait for ever.
            batch.forEach(pending -> pending.done().completeExceptionally(failure));
        }
    }
}
