package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index kept in a hash map, for the file-backed database too. The H2 backend's own unique
 * index is an H2 map keyed by the server's {@link KeyValue}, which is not {@link Comparable}: H2 then
 * orders keys by Java-serialising both sides of every comparison, so each lookup in a binary search
 * serialised a dozen keys. In a burst that was a quarter of the embedded server's CPU (see
 * docs/benchmarks.md). Kept in memory, the index is rebuilt from the stored documents when the
 * database opens, as the server does for any index that reports itself empty.
 *
 * <p>It also reads a document's key cheaply. The server derives the key of every inserted, updated
 * or looked-up document by splitting each key path with a regular expression and collecting streams
 * into maps and lists, and rebuilds the list of key names on every call: at 100 alerts a second that
 * was about a tenth of all the memory the embedded server allocated, which sets how often its
 * collector pauses everything (docs/benchmarks.md, December 7, third session). For keys of plain
 * field names whose values are neither arrays nor sub-documents (every unique index the services
 * create), the key is read here directly, normalised as the server normalises it; anything else goes
 * the server's way. {@code InMemoryUniqueIndexTest} holds the two to the same answers.
 */
final class InMemoryUniqueIndex<P> extends AbstractUniqueIndex<P> {

    private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();
    private final List<String> keyNames;
    private final Set<String> keyNameSet;
    /** No key is a path into a sub-document: each is one field of the document itself. */
    private final boolean plainFieldNames;

    InMemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.keyNames = List.copyOf(super.keys());
        this.keyNameSet = Collections.unmodifiableSet(new LinkedHashSet<>(keyNames));
        this.plainFieldNames = keyNames.stream().noneMatch(key -> key.contains("."));
    }

    @Override
    protected List<String> keys() {
        return keyNames;
    }

    @Override
    protected Set<String> keySet() {
        return keyNameSet;
    }

    @Override
    public Set<KeyValue> getKeyValues(Document document) {
        if (!plainFieldNames) {
            return super.getKeyValues(document);
        }
        Object[] values = new Object[keyNames.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = document.getOrMissing(keyNames.get(i));
            if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                return super.getKeyValues(document); // one key per array element, or a normalised copy
            }
            values[i] = Missing.isNullOrMissing(value) ? null : OrderedIndex.normalize(value); // as the server does
        }
        return Set.of(new KeyValue(values));
    }

    @Override
    protected P removeDocument(KeyValue key) {
        return positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, P position) {
        return positions.putIfAbsent(key, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, P>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected P getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
