package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-backed backend of mongo-java-server, with {@link QueryIndexes query indexes}. Documents
 * live in the H2 file as BSON ({@link BsonDocumentType}); every index lives in memory and is
 * rebuilt from them when a database opens (see {@link InMemoryUniqueIndex} for why the unique ones too).
 */
public final class IndexedH2Backend extends H2Backend {

    /**
     * Page cache of the H2 file, in MB (H2's default is 16). A page evicted from the cache is read
     * back and decoded whole the next time any of its documents is touched: with 16 MB a burst
     * re-read pages on most updates.
     */
    static final int CACHE_MB = 64;

    /**
     * Changed-page memory (decoded, see {@link BsonDocumentType#getMemory}) that makes H2 write a
     * chunk before its one-second timer does: 128 MB, so that under load chunks are written about
     * once a second rather than several times. A chunk re-encodes every page with a changed
     * document, and the hot pages (the event store's tail, cursors, views) change between any two
     * chunks, so fewer chunks means fewer re-encodings of the same pages: in a 10,000-alert burst
     * H2's threads used 0.36 CPU ms per alert instead of 0.71-0.93 with 4 MB (docs/benchmarks.md).
     * The bound on what a crash can lose is unchanged (the timer still writes at least once a
     * second); under load it is now reached, where before chunks came more often.
     */
    static final int AUTO_COMMIT_BUFFER_KB = 32 * 1024 * BsonDocumentType.DECODED_BYTES_PER_ENCODED_BYTE;

    private static final Logger log = LoggerFactory.getLogger(IndexedH2Backend.class);

    public IndexedH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB)
                // H2 writes a chunk once this much changed-page memory is waiting, or after a second.
                .autoCommitBufferSize(AUTO_COMMIT_BUFFER_KB)
                // H2 closes the store after a failure in its background writer and says nothing:
                // every later command then fails with "This store is closed". Say why.
                .backgroundExceptionHandler((thread, failure) ->
                        log.error("The H2 store's background writer failed in {}", thread.getName(), failure))
                .open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            /** The server's own collection, with the map names it gives them, sorting with {@link SortKeys}. */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                String fullName = getFullCollectionNamespace(collection);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
                MVMap<Object, Document> data = BsonDataMaps.open(getMvStore(), "databases." + fullName, meta);
                return new SortingH2Collection(this, collection, options, data, meta, cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return QueryIndexes.secondary(name, keys, sparse);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                // A file written before the indexes moved to memory holds the server's index map:
                // removed, so no later version can trust a copy that stopped being maintained.
                getMvStore().removeMap(getDatabaseName() + "." + collection + "._index_" + name);
                return QueryIndexes.unique(new InMemoryUniqueIndex<>(name, keys, sparse), keys, sparse);
            }
        };
    }
}
