package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/** The file-backed collection, sorting with {@link SortKeys}. */
final class SortingH2Collection extends H2Collection {

    SortingH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
            int skip, int limit, int batchSize, Document fieldSelector) {
        SortKeys sort = SortKeys.of(orderBy);
        if (sort == null) {
            return super.matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(query, sort.candidates(documents, document -> documentMatchesQuery(document, query),
                skip, limit), skip, limit, batchSize, sort, fieldSelector);
    }
}
