package org.incidentplatform.incident.intake;

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
 * Writes the documents of concurrent callers together: a caller finding nobody writing writes at
 * once (its own documents and whatever queued before them); callers arriving during that write
 * are written together by one of them as soon as it ends. So an idle insert costs one command, as
 * before, and a busy intake pays one command per write instead of one per request. Every caller
 * returns once its own documents are stored, or throws what the write threw.
 *
 * @param <T> what one caller writes
 */
final class GroupedInserts<T> {

    private static final int MAX_CALLERS = 256;

    private final Consumer<List<T>> write;
    private final Queue<Pending<T>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private boolean writing;

    GroupedInserts(Consumer<List<T>> write) {
        this.write = write;
    }

    private record Pending<T>(List<T> items, CompletableFuture<Void> done) {
    }

    void insert(List<T> items) {
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
