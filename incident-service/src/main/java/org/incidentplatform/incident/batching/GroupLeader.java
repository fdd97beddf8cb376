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
 * Group commit: what concurrent callers submit is written together. A caller finding nobody
 * writing writes at once (its own entry and whatever queued before it); callers arriving during
 * that write wait, and one of them writes them all as soon as it ends. Nobody waits for a batch to
 * fill, so an idle write costs what it did alone. Each caller returns when its own entry is done.
 *
 * @param <E> one caller's entry, carrying the future the batch writer completes
 */
public final class GroupLeader<E extends GroupLeader.Entry> {

    /** A caller's entry: {@code write} must complete {@link #done()} for every entry it is given. */
    public interface Entry {
        CompletableFuture<Void> done();
    }

    private final int maxEntries;
    private final Consumer<List<E>> write;
    private final Queue<E> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private boolean writing;

    /** @param maxEntries most entries written together: bounds one write's size and every waiter's wait */
    public GroupLeader(int maxEntries, Consumer<List<E>> write) {
        this.maxEntries = maxEntries;
        this.write = write;
    }

    /** Writes {@code mine} with whatever is waiting; throws what its future was completed with. */
    public void submit(E mine) {
        queued.add(mine);
        lock.lock();
        try {
            while (!mine.done().isDone()) {
                if (writing) {
                    written.awaitUninterruptibly(); // Until the write in progress ends: ours may be in it.
                    continue;
                }
                // Nobody writing: this thread writes one batch, its own entry and what queued before it.
                writing = true;
                List<E> batch = take();
                lock.unlock();
                try {
                    write.accept(batch);
                } catch (Throwable unexpected) {
                    // Never leave a taken entry unanswered: its thread would wait for ever.
                    batch.forEach(entry -> entry.done().completeExceptionally(unexpected));
                    throw unexpected;
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

    /** Entries waiting for a write, the one in progress not counted. */
    int waiting() {
        return queued.size();
    }

    private List<E> take() {
        List<E> batch = new ArrayList<>();
        for (E next; batch.size() < maxEntries && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }
}
