package org.incidentplatform.bench.load;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each alert was sent and how it was answered, indexed by alert number. Written by many
 * sender threads, read once the load is over.
 */
public final class SendLog {

    public static final int PENDING = 0;
    public static final int ACCEPTED = 1;
    public static final int REFUSED = 2;
    public static final int FAILED = 3;

    private final AtomicLongArray sentAt;
    private final AtomicLongArray answeredAt;
    private final AtomicIntegerArray outcome;

    public SendLog(int capacity) {
        sentAt = new AtomicLongArray(capacity);
        answeredAt = new AtomicLongArray(capacity);
        outcome = new AtomicIntegerArray(capacity);
    }

    public int capacity() {
        return outcome.length();
    }

    void sent(int n, long nanos) {
        sentAt.set(n, nanos);
    }

    void answered(int n, long nanos, int result) {
        answeredAt.set(n, nanos);
        outcome.set(n, result);
    }

    public long sentAt(int n) {
        return sentAt.get(n);
    }

    public long responseNanos(int n) {
        return answeredAt.get(n) - sentAt.get(n);
    }

    public int outcome(int n) {
        return outcome.get(n);
    }

    public int count(int result, int upTo) {
        int count = 0;
        for (int n = 0; n < upTo; n++) {
            if (outcome.get(n) == result) {
                count++;
            }
        }
        return count;
    }
}
