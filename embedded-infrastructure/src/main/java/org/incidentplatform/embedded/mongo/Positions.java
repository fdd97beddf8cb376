package org.incidentplatform.embedded.mongo;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/**
 * The positions of the documents that share one indexed value in an {@link OrderedIndex}, in the
 * order they were added, without repeats. A value shared by a few documents (an aggregate's
 * events, a delivery's attempts) keeps them in a small array; past {@link #SMALL} a hash set takes
 * over, so a value held by thousands of documents (a status) still adds and removes in constant time.
 */
final class Positions {

    static final int SMALL = 8;

    private Object[] small;
    private int size;
    private LinkedHashSet<Object> large;

    private Positions(Object first, Object second) {
        small = new Object[] {first, second};
        size = 2;
    }

    /** The positions of a value that had one document and now has a second. */
    static Positions of(Object first, Object second) {
        return new Positions(first, second);
    }

    void add(Object position) {
        if (large != null) {
            large.add(position);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (small[i].equals(position)) {
                return;
            }
        }
        if (size == SMALL) {
            large = new LinkedHashSet<>(Arrays.asList(small));
            large.add(position);
            small = null;
            return;
        }
        if (size == small.length) {
            small = Arrays.copyOf(small, Math.min(SMALL, size * 2));
        }
        small[size++] = position;
    }

    void remove(Object position) {
        if (large != null) {
            large.remove(position);
            return;
        }
        for (int i = 0; i < size; i++) {
            if (small[i].equals(position)) {
                System.arraycopy(small, i + 1, small, i, size - i - 1);
                small[--size] = null;
                return;
            }
        }
    }

    int size() {
        return large != null ? large.size() : size;
    }

    /** The earliest added position still here. */
    Object first() {
        return large != null ? large.getFirst() : small[0];
    }

    void forEach(Consumer<Object> action) {
        if (large != null) {
            large.forEach(action);
            return;
        }
        for (int i = 0; i < size; i++) {
            action.accept(small[i]);
        }
    }
}
