package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index that can also serve queries on its first field with conditions on other fields,
 * such as Axon's "events of aggregate X from sequence number N" or "{_id: x, status: OPEN}". The
 * server's own unique index keeps enforcing uniqueness and answers exact matches on exactly its
 * keys; an {@link OrderedIndex} on the first field answers the rest.
 *
 * <p>Both parts are in memory: when a file-backed database is opened the server feeds every stored
 * document through {@code checkAdd} and {@code add} because {@link #isEmpty()} says so. Only
 * non-sparse indexes are wrapped, whose unique part holds exactly one entry per document.
 */
final class PrefixSearchableUniqueIndex<P> extends Index<P> {

    private final Index<P> unique;
    private final OrderedIndex<P> prefix;

    PrefixSearchableUniqueIndex(Index<P> unique) {
        super(unique.getName(), unique.getKeys(), false);
        this.unique = unique;
        this.prefix = new OrderedIndex<>(unique.getName(), unique.getKeys(), false);
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty() && prefix.isEmpty();
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || prefix.canHandle(query);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : prefix.getPositions(query);
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
        prefix.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        prefix.remove(document);
        return unique.remove(document);
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
        prefix.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public void drop() {
        unique.drop();
        prefix.drop();
    }
}
