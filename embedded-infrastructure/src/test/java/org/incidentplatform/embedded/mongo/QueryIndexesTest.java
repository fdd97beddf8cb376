package org.incidentplatform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query indexes may only make queries cheaper: every query must return exactly what the plain
 * server (a full scan) returns, through inserts, updates and deletes, and after a file-backed
 * database is reopened.
 */
class QueryIndexesTest {

    private final WireServers wire = new WireServers();

    @AfterEach
    void stop() {
        wire.stopAll();
    }

    @Test
    void randomQueriesAnswerExactlyAsAFullScanDoes() {
        MongoCollection<Document> plain = collection(new MemoryBackend());
        MongoCollection<Document> indexed = collection(new IndexedMemoryBackend());
        for (MongoCollection<Document> events : List.of(plain, indexed)) {
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"));
            events.createIndex(Indexes.ascending("status"));
            events.createIndex(Indexes.ascending("tags"));
        }
        Random random = new Random(42);
        int[] nextSequence = new int[60];
        for (int i = 0; i < 3000; i++) {
            Document document = randomDocument(random, i, nextSequence);
            plain.insertOne(document);
            indexed.insertOne(new Document(document));
            if (i % 7 == 0) {
                Bson which = Filters.eq("_id", random.nextInt(i + 1));
                Bson change = Updates.set("status", "S" + random.nextInt(5));
                plain.updateOne(which, change);
                indexed.updateOne(which, change);
            }
            if (i % 11 == 0) {
                Bson which = Filters.eq("_id", random.nextInt(i + 1));
                plain.deleteOne(which);
                indexed.deleteOne(which);
            }
        }
        List<Function<Random, Bson>> queries = List.of(
                r -> Filters.eq("aggregateIdentifier", "agg-" + r.nextInt(60)),
                r -> Filters.and(Filters.eq("aggregateIdentifier", "agg-" + r.nextInt(60)),
                        Filters.gte("sequenceNumber", r.nextInt(40))),
                r -> Filters.and(Filters.eq("aggregateIdentifier", "agg-" + r.nextInt(60)), Filters.eq("sequenceNumber", r.nextInt(40))),
                r -> Filters.gte("timestamp", "2026-11-21T10:" + two(r.nextInt(60))),
                r -> Filters.and(Filters.gt("timestamp", "2026-11-21T10:" + two(r.nextInt(60))),
                        Filters.lte("timestamp", "2026-11-21T10:" + two(r.nextInt(60)))),
                r -> Filters.in("status", "S" + r.nextInt(5), "S" + r.nextInt(5)),
                r -> Filters.eq("status", null),
                r -> Filters.ne("status", "S" + r.nextInt(5)),
                r -> Filters.eq("tags", "t" + r.nextInt(8)),
                r -> Filters.lt("sequenceNumber", r.nextInt(40)),
                r -> Filters.eq("sequenceNumber", (long) r.nextInt(40)),
                r -> Filters.or(Filters.eq("status", "S1"), Filters.eq("tags", "t2")));
        for (int q = 0; q < 600; q++) {
            Bson query = queries.get(q % queries.size()).apply(random);
            assertThat(ids(indexed, query)).as(query.toString()).isEqualTo(ids(plain, query));
        }
        // Sorted reads with a limit, on missing, null, array and mixed values, in either direction
        // (_id last, so that the order is total and no tie depends on the order candidates came in).
        List<Bson> orders = List.of(Sorts.ascending("status", "_id"), Sorts.descending("status", "_id"),
                Sorts.orderBy(Sorts.ascending("tags"), Sorts.descending("timestamp"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.descending("tags"), Sorts.ascending("_id")),
                Sorts.orderBy(Sorts.ascending("aggregateIdentifier"), Sorts.descending("sequenceNumber"), Sorts.ascending("_id")));
        for (int q = 0; q < 200; q++) {
            Bson query = queries.get(q % queries.size()).apply(random);
            Bson order = orders.get(q % orders.size());
            int limit = 1 + random.nextInt(50);
            assertThat(indexed.find(query).sort(order).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>()))
                    .as(query + " sorted by " + order).isEqualTo(plain.find(query).sort(order).limit(limit)
                            .map(d -> d.get("_id")).into(new ArrayList<>()));
        }
        // Axon's stream read: by aggregate from a sequence number, in order.
        Bson stream = Filters.and(Filters.eq("aggregateIdentifier", "agg-3"), Filters.gte("sequenceNumber", 0));
        assertThat(indexed.find(stream).sort(Sorts.ascending("sequenceNumber")).map(d -> d.getInteger("sequenceNumber")).into(new ArrayList<>()))
                .isEqualTo(plain.find(stream).sort(Sorts.ascending("sequenceNumber")).map(d -> d.getInteger("sequenceNumber")).into(new ArrayList<>()))
                .isNotEmpty();
    }

    @Test
    void aReopenedFileBackedDatabaseStillFindsAndStillRefusesDuplicates(@TempDir Path directory) {
        String file = directory.resolve("data.mv").toString();
        MongoCollection<Document> events = collection(new IndexedH2Backend(file));
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
        events.createIndex(Indexes.ascending("timestamp"));
        for (int i = 0; i < 50; i++) {
            events.insertOne(new Document("_id", i).append("aggregateIdentifier", "agg-" + i % 5).append("sequenceNumber", i / 5)
                    .append("timestamp", "t" + two(i)));
        }
        wire.stopAll();

        MongoCollection<Document> reopened = collection(new IndexedH2Backend(file));
        assertThat(ids(reopened, Filters.and(Filters.eq("aggregateIdentifier", "agg-2"), Filters.gte("sequenceNumber", 7))))
                .containsExactly(37, 42, 47);
        assertThat(ids(reopened, Filters.gte("timestamp", "t45"))).containsExactly(45, 46, 47, 48, 49);
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", 99).append("aggregateIdentifier", "agg-2")
                .append("sequenceNumber", 9))).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        reopened.insertOne(new Document("_id", 50).append("aggregateIdentifier", "agg-2").append("sequenceNumber", 10)
                .append("timestamp", "t50"));
        assertThat(ids(reopened, Filters.and(Filters.eq("aggregateIdentifier", "agg-2"), Filters.gte("sequenceNumber", 9))))
                .containsExactly(47, 50);
        assertThat(ids(reopened, Filters.gte("timestamp", "t49"))).containsExactly(49, 50);
    }

    @Test
    void aFileWrittenWithTheServersOwnUniqueIndexesOpensWithIndexesInMemory(@TempDir Path directory) {
        String file = directory.resolve("data.mv").toString();
        MongoCollection<Document> before = collection(new H2Backend(file));
        before.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true));
        for (int i = 0; i < 20; i++) {
            Document document = new Document("_id", "id-" + i);
            before.insertOne(i % 2 == 0 ? document.append("key", "k" + i) : document);
        }
        wire.stopAll();
        assertThat(WireServers.mapNames(file)).anyMatch(name -> name.contains("._index_"));

        MongoCollection<Document> reopened = collection(new IndexedH2Backend(file));
        assertThat(reopened.countDocuments()).isEqualTo(20);
        assertThat(ids(reopened, Filters.eq("_id", "id-7"))).containsExactly("id-7");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "id-7")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "other").append("key", "k4")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        reopened.insertOne(new Document("_id", "id-20").append("key", "k20"));
        wire.stopAll();
        // The server's index maps went when the database opened, so no stale copy is left behind.
        assertThat(WireServers.mapNames(file)).noneMatch(name -> name.contains("._index_"));
    }

    private MongoCollection<Document> collection(MongoBackend backend) {
        return wire.collection(backend);
    }

    private static List<Object> ids(MongoCollection<Document> collection, Bson query) {
        return collection.find(query).sort(Sorts.ascending("_id")).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    private static Document randomDocument(Random random, int id, int[] nextSequence) {
        int aggregate = random.nextInt(60);
        Document document = new Document("_id", id)
                .append("aggregateIdentifier", "agg-" + aggregate)
                .append("sequenceNumber", nextSequence[aggregate]++)
                .append("timestamp", "2026-11-21T10:" + two(random.nextInt(60)) + ":" + two(random.nextInt(60)));
        if (random.nextInt(4) > 0) {
            document.append("status", random.nextBoolean() ? "S" + random.nextInt(5) : null);
        }
        if (random.nextBoolean()) {
            document.append("tags", List.of("t" + random.nextInt(8), "t" + random.nextInt(8)));
        }
        return document;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}
