package org.incidentplatform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents are stored as BSON in the H2 file: every value type comes back exactly as written,
 * across restarts, and a file an earlier version wrote with Java-serialised documents opens with
 * all of them, also when that conversion was interrupted by a crash.
 */
class BsonDocumentStorageTest {

    private static final String DATA_MAP = "databases.test.events";

    private final WireServers wire = new WireServers();

    @AfterEach
    void stop() {
        wire.stopAll();
    }

    @Test
    void everyValueTypeComesBackAsWrittenAfterARestartAndUpdatesStillApply(@TempDir Path directory) {
        String file = directory.resolve("data.mv").toString();
        List<Document> written = documents();
        collection(new IndexedH2Backend(file)).insertMany(written);
        stop();

        MongoCollection<Document> reopened = collection(new IndexedH2Backend(file));
        assertThat(all(reopened)).isEqualTo(written);
        reopened.updateOne(Filters.eq("_id", "doc-1"), Updates.combine(Updates.inc("count", 5L),
                Updates.push("tags", "new"), Updates.set("nested.state", "RESOLVED")));
        stop();
        assertThat(formatOf(file)).isEqualTo(BsonDataMaps.BSON);
        assertThat(storedAsBson(file)).hasSize(written.size());
        Document updated = all(collection(new IndexedH2Backend(file))).get(1);
        assertThat(updated.getLong("count")).isEqualTo(6L);
        assertThat(updated.getList("tags", String.class)).containsExactly("a", "b", "new");
        assertThat(updated.get("nested", Document.class).getString("state")).isEqualTo("RESOLVED");
    }

    @Test
    void aFileWithJavaSerialisedDocumentsOpensWithAllOfThemAndIsConvertedOnce(@TempDir Path directory) {
        String file = directory.resolve("data.mv").toString();
        List<Document> written = documents();
        collection(new H2Backend(file)).insertMany(written);
        stop();
        assertThat(formatOf(file)).isNull();

        MongoCollection<Document> converted = collection(new IndexedH2Backend(file));
        assertThat(all(converted)).isEqualTo(written);
        converted.insertOne(new Document("_id", "doc-9").append("after", true));
        stop();

        assertThat(formatOf(file)).isEqualTo(BsonDataMaps.BSON);
        assertThat(WireServers.mapNames(file)).noneMatch(name -> name.startsWith("converting."));
        assertThat(storedAsBson(file)).hasSize(written.size() + 1);
        assertThat(all(collection(new IndexedH2Backend(file)))).hasSize(written.size() + 1);
    }

    @Test
    void aConversionCutOffAfterItsCopyWasCommittedIsFinishedWithEveryDocument(@TempDir Path directory) {
        String file = directory.resolve("data.mv").toString();
        List<Document> written = documents();
        collection(new IndexedH2Backend(file)).insertMany(written);
        stop();
        // The state a crash leaves between removing the old map and renaming the committed copy.
        try (MVStore store = MVStore.open(file)) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> data = store.openMap(DATA_MAP,
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
            store.renameMap(data, "converting." + DATA_MAP);
            store.openMap("meta.test.events").remove(BsonDataMaps.FORMAT_KEY);
        }

        assertThat(all(collection(new IndexedH2Backend(file)))).isEqualTo(written);
    }

    @Test
    void aConversionCutOffDuringItsCopyStartsAgainFromTheOldDocuments(@TempDir Path directory) {
        String file = directory.resolve("data.mv").toString();
        List<Document> written = documents();
        collection(new H2Backend(file)).insertMany(written);
        stop();
        try (MVStore store = MVStore.open(file)) {
            store.openMap("converting." + DATA_MAP, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                    .valueType(BsonDocumentType.INSTANCE)).put("half-copied", new de.bwaldvogel.mongo.bson.Document("_id", "x"));
        }

        assertThat(all(collection(new IndexedH2Backend(file)))).isEqualTo(written);
    }

    private static List<Document> documents() {
        return List.of(
                new Document("_id", "doc-0").append("text", "tab\t, quote \" and é").append("int", 42)
                        .append("long", 1L << 40).append("double", 0.25).append("flag", true).append("nothing", null),
                new Document("_id", "doc-1").append("count", 1L).append("tags", new ArrayList<>(List.of("a", "b")))
                        .append("nested", new Document("state", "OPEN").append("deeper", new Document("n", 1)))
                        .append("when", new Date(1_796_000_000_000L)),
                new Document("_id", new ObjectId("65f0c0ffee0000000000abcd")).append("bytes", new Binary(new byte[] {0, 1, -1}))
                        .append("decimal", Decimal128.parse("12.3400")).append("ts", new BsonTimestamp(1_700_000_000, 7))
                        .append("alerts", List.of(new Document("fingerprint", "f1"), new Document("fingerprint", "f2"))),
                new Document("_id", 7).append("empty", new Document()).append("emptyList", List.of()));
    }

    private static List<Document> all(MongoCollection<Document> collection) {
        return collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()).stream()
                .sorted((a, b) -> Integer.compare(order(a), order(b))).toList();
    }

    /** The order {@link #documents()} lists them in, whatever order the server sorts mixed id types. */
    private static int order(Document document) {
        Object id = document.get("_id");
        return id instanceof String s ? Integer.parseInt(s.substring("doc-".length())) : id instanceof ObjectId ? 2 : 3;
    }

    private static Object formatOf(String file) {
        try (MVStore store = MVStore.open(file)) {
            return store.openMap("meta.test.events").get(BsonDataMaps.FORMAT_KEY);
        }
    }

    /** Reads the stored values with the BSON decoder, which fails on Java-serialised ones. */
    private static List<de.bwaldvogel.mongo.bson.Document> storedAsBson(String file) {
        try (MVStore store = MVStore.open(file)) {
            return new ArrayList<>(store.openMap(DATA_MAP, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                    .valueType(BsonDocumentType.INSTANCE)).values());
        }
    }

    private MongoCollection<Document> collection(MongoBackend backend) {
        return wire.collection(backend);
    }
}
