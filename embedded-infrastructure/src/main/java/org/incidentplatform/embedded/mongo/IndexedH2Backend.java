package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;

/** The file-backed backend of mongo-java-server, with {@link QueryIndexes query indexes}. */
public final class IndexedH2Backend extends H2Backend {

    public IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return QueryIndexes.secondary(name, keys, sparse);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return QueryIndexes.unique(super.openOrCreateUniqueIndex(collection, name, keys, sparse), keys, sparse);
            }
        };
    }
}
