package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The server's sort order ({@code DocumentComparator}: each sort field's value as
 * {@link Utils#getSubdocumentValueCollectionAware} reads it, compared by {@link ValueComparator}),
 * with each document's values read once per query instead of at every comparison. Reading a value
 * splits its path with a regular expression; sorting a few hundred candidates (the relay's pending
 * cursors in a burst) compared them thousands of times, a third of the embedded server's CPU.
 * With a limit, only the documents it keeps are sorted ({@link #first}).
 */
final class SortKeys implements Comparator<Document> {

    private final List<String> fields = new ArrayList<>();
    private final List<ValueComparator> orders = new ArrayList<>();
    /** One sort's documents: a comparator serves one query, on the thread that runs it. */
    private final Map<Document, Object[]> keys = new IdentityHashMap<>();

    private SortKeys(Document orderBy) {
        for (String field : orderBy.keySet()) {
            fields.add(field);
            orders.add(((Number) orderBy.get(field)).intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc());
        }
    }

    /** The comparator for {@code orderBy}, or null where the server does not sort by fields (none, {@code $natural}). */
    static SortKeys of(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.keySet().iterator().next().startsWith("$")) {
            return null;
        }
        return new SortKeys(orderBy);
    }

    /**
     * What the server's own sort and limit need to see: with a limit, only the first
     * {@code skip + limit} matching documents, in order; without, all of them.
     */
    Stream<Document> candidates(Stream<Document> documents, Predicate<Document> matches, int skip, int limit) {
        return limit > 0 && skip >= 0 ? first(documents.filter(matches), skip + limit).stream() : documents;
    }

    /**
     * The first {@code count} of {@code matched} in this order, in order, kept in a bounded heap
     * instead of sorting them all: what a sort with a limit reads, at a cost of n log(count). Ties
     * go to the earlier document, as in the server's stable sort, so the same documents come back.
     */
    private List<Document> first(Stream<Document> matched, int count) {
        record Ranked(Document document, int index) {
        }
        Comparator<Ranked> order = Comparator.<Ranked, Document>comparing(Ranked::document, this)
                .thenComparingInt(Ranked::index);
        PriorityQueue<Ranked> best = new PriorityQueue<>(order.reversed());
        int[] index = {0};
        matched.forEach(document -> {
            best.add(new Ranked(document, index[0]++));
            if (best.size() > count) {
                best.poll();
            }
        });
        return best.stream().sorted(order).map(Ranked::document).toList();
    }

    @Override
    public int compare(Document a, Document b) {
        Object[] first = keysOf(a);
        Object[] second = keysOf(b);
        for (int i = 0; i < first.length; i++) {
            int order = orders.get(i).compare(first[i], second[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private Object[] keysOf(Document document) {
        return keys.computeIfAbsent(document, d -> {
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Utils.getSubdocumentValueCollectionAware(d, fields.get(i));
            }
            return values;
        });
    }
}
