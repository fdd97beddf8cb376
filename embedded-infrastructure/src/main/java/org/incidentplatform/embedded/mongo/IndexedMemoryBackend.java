package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import java.util.List;

/** The in-memory backend of mongo-java-server, with {@link QueryIndexes query indexes}. */
public final class IndexedMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                return new SortingMemoryCollection(this, collection, options, cursorRegistry);
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return QueryIndexes.secondary(name, keys, sparse);
            }

            @Override
            protected Index<Integer> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return QueryIndexes.unique(super.openOrCreateUniqueIndex(collection, name, keys, sparse), keys, sparse);
            }
        };
    }
}
