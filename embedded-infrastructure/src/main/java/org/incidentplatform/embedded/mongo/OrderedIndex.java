package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A non-unique index on the first field of an index's keys, kept in memory (rebuilt from the
 * documents when a file-backed database is opened). It answers a query whose condition on that
 * field is an equality, {@code $eq}, {@code $in} or a range ({@code $gt}, {@code $gte},
 * {@code $lt}, {@code $lte}) with the positions of the documents whose value lies there: a
 * superset of the answer that the server then filters with the whole query, so conditions on
 * other fields (the rest of a compound index's keys included) need no support here.
 *
 * <p>Values are compared as the server compares them ({@link ValueComparator}), with numbers
 * normalised to doubles as its own unique indexes do; an array value is indexed under each of its
 * elements. Anything else (null, regular expressions, whole arrays, {@code $ne}, {@code $exists})
 * is left to a full scan.
 */
final class OrderedIndex<P> extends Index<P> {

    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final String field;
    /** The field is one of the document's own, not a path into a sub-document. */
    private final boolean plainField;
    /**
     * Value to its documents' positions: a lone position as itself, several as {@link Positions}.
     * Most indexed values (ids, timestamps, keys) belong to one document, and the index lives as long
     * as the data: a set per value cost about 200 bytes and four objects per document and index,
     * which every collection of the launcher copied and marked (docs/benchmarks.md, December 8).
     */
    private final NavigableMap<Object, Object> positionsByValue = new TreeMap<>(ValueComparator.asc());
    private final Map<Object, P> positionsById = new HashMap<>();
    /** Position to the value it is indexed under: the value itself, {@link Several} for an array, or {@link #NO_VALUE}. */
    private final Map<P, Object> valuesByPosition = new HashMap<>();

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.getFirst().getKey();
        this.plainField = !field.contains(".");
    }

    /**
     * The query's condition on the field: a top-level one, or one inside a top-level {@code $and}
     * (the MongoDB driver writes {@code Filters.and(...)} that way, Axon's event queries among them).
     * Each is a conjunct, so the documents it selects are a superset of the query's answer.
     */
    private Object conditionOn(Document query) {
        if (query.containsKey(field)) {
            return query.get(field);
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document conjunct) {
                    Object condition = conditionOn(conjunct);
                    if (condition != null && canUse(condition)) {
                        return condition;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        Object condition = conditionOn(query);
        return condition != null && canUse(condition);
    }

    private static boolean canUse(Object condition) {
        if (condition instanceof Document operators && hasOperators(operators)) {
            for (var operator : operators.entrySet()) {
                boolean usable = switch (operator.getKey()) {
                    case "$eq" -> isIndexableValue(operator.getValue());
                    case "$in" -> operator.getValue() instanceof Collection<?> values
                            && values.stream().allMatch(OrderedIndex::isIndexableValue);
                    case "$gt", "$gte", "$lt", "$lte" -> isIndexableValue(operator.getValue());
                    default -> false;
                };
                if (!usable) {
                    return false;
                }
            }
            return true;
        }
        return isIndexableValue(condition);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Object condition = conditionOn(query);
        Set<P> positions = new LinkedHashSet<>();
        if (!(condition instanceof Document operators && hasOperators(operators))) {
            collect(positionsByValue.get(normalize(condition)), positions);
            return sorted(positions);
        }
        if (operators.containsKey("$in")) {
            for (Object value : (Collection<?>) operators.get("$in")) {
                collect(positionsByValue.get(normalize(value)), positions);
            }
            return sorted(positions);
        }
        if (operators.containsKey("$eq")) {
            collect(positionsByValue.get(normalize(operators.get("$eq"))), positions);
            return sorted(positions);
        }
        NavigableMap<Object, Object> range = positionsByValue;
        if (operators.containsKey("$gt") || operators.containsKey("$gte")) {
            boolean inclusive = operators.containsKey("$gte");
            range = range.tailMap(normalize(operators.get(inclusive ? "$gte" : "$gt")), inclusive);
        }
        if (operators.containsKey("$lt") || operators.containsKey("$lte")) {
            boolean inclusive = operators.containsKey("$lte");
            range = range.headMap(normalize(operators.get(inclusive ? "$lte" : "$lt")), inclusive);
        }
        range.values().forEach(entry -> collect(entry, positions));
        return sorted(positions);
    }

    /** Adds the positions of one value's entry (a lone position, {@link Positions} or none). */
    @SuppressWarnings("unchecked")
    private void collect(Object entry, Set<P> into) {
        if (entry instanceof Positions several) {
            several.forEach(position -> into.add((P) position));
        } else if (entry != null) {
            into.add((P) entry);
        }
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object values = indexedValues(document);
        valuesByPosition.put(position, values);
        if (values instanceof Several several) {
            for (Object value : several.values()) {
                addPosition(value, position);
            }
        } else if (values != NO_VALUE) {
            addPosition(values, position);
        }
        Object id = document.get("_id");
        if (id != null) {
            positionsById.put(normalize(id), position);
        }
    }

    private void addPosition(Object value, P position) {
        Object entry = positionsByValue.putIfAbsent(value, position);
        if (entry == null || entry.equals(position)) {
            return; // the value's first document, or this one again (an array holding the value twice)
        }
        if (entry instanceof Positions several) {
            several.add(position);
        } else {
            positionsByValue.put(value, Positions.of(entry, position));
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(normalize(document.get("_id")));
        if (position != null) {
            forget(position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        forget(position);
        positionsById.remove(normalize(oldDocument.get("_id")));
        add(newDocument, position, collection);
    }

    private void forget(P position) {
        Object values = valuesByPosition.remove(position);
        if (values instanceof Several several) {
            for (Object value : several.values()) {
                removePosition(value, position);
            }
        } else if (values != null && values != NO_VALUE) {
            removePosition(values, position);
        }
    }

    private void removePosition(Object value, P position) {
        Object entry = positionsByValue.get(value);
        if (entry instanceof Positions several) {
            several.remove(position);
            if (several.size() == 1) {
                positionsByValue.put(value, several.first()); // back to a lone position
            }
        } else if (entry != null && entry.equals(position)) {
            positionsByValue.remove(value);
        }
    }

    /** The document's values for the field: each element of an array, nothing when absent or null. */
    private Object indexedValues(Document document) {
        // A plain field name is read directly: the server's path reading splits it with a regular
        // expression on every call, for the same answer.
        Object value = plainField ? document.getOrMissing(field) : Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof Collection<?> elements) {
            Object[] values = elements.stream().filter(Missing::isNeitherNullNorMissing).map(OrderedIndex::normalize)
                    .distinct().toArray();
            return values.length == 0 ? NO_VALUE : values.length == 1 ? values[0] : new Several(values);
        }
        return Missing.isNeitherNullNorMissing(value) ? normalize(value) : NO_VALUE;
    }

    /** A document indexed under nothing (the field is absent, null or an empty array). */
    private static final Object NO_VALUE = new Object();

    /** The values of a document whose field is an array of several. */
    private record Several(Object[] values) {
    }

    /** Numbers compare as the server's matcher compares them: by value, whatever their type. */
    static Object normalize(Object value) {
        if (value instanceof Number number && !(value instanceof Long big && (long) (double) big != big)) {
            double d = number.doubleValue();
            return d == -0.0 ? 0.0 : d;
        }
        return value;
    }

    private static boolean hasOperators(Document condition) {
        return condition.keySet().stream().anyMatch(key -> key.startsWith("$"));
    }

    /** A value an exact or range lookup can use: not null, not an array, not a pattern, not a document. */
    private static boolean isIndexableValue(Object value) {
        return Missing.isNeitherNullNorMissing(value) && !(value instanceof Collection<?>)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value)
                && !(value instanceof Document); // Embedded documents: the server normalises them its own way.
    }

    /** In insertion order where positions have one (both backends' do), as a scan would return them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<P> sorted(Set<P> positions) {
        List<P> list = new ArrayList<>(positions);
        if (!list.isEmpty() && list.getFirst() instanceof Comparable) {
            list.sort((a, b) -> ((Comparable) a).compareTo(b));
        }
        return list;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return null; // Not unique: the _id index names a document's position.
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // No constraint to check.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // No constraint to check.
    }

    @Override
    public synchronized long getCount() {
        return valuesByPosition.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        positionsById.clear();
        valuesByPosition.clear();
    }
}
