package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.util.List;

/** Which index the databases below open for each index a client asks for. */
final class QueryIndexes {

    private QueryIndexes() {
    }

    /** A client's non-unique index: the server would ignore it; here it serves queries. */
    static <P> Index<P> secondary(String indexName, List<IndexKey> keys, boolean sparse) {
        return new OrderedIndex<>(indexName, keys, sparse);
    }

    /**
     * The server's unique index (the {@code _id} index too), made able to serve queries that name
     * more fields than its keys, or a range: the server's own only serves exact matches on exactly
     * its keys, so {@code {_id: x, status: "OPEN"}} read the whole collection.
     */
    static <P> Index<P> unique(Index<P> serverIndex, List<IndexKey> keys, boolean sparse) {
        return sparse ? serverIndex : new PrefixSearchableUniqueIndex<>(serverIndex);
    }
}
