package org.incidentplatform.embedded.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The index's own reading of a document's key gives exactly the server's answer, for every kind of
 * value a key can hold (numbers of every type and sign, missing and null, text, dates, ids, arrays,
 * sub-documents) and for compound and dotted keys, where it defers to the server.
 */
class InMemoryUniqueIndexTest {

    private static final List<Object> VALUES = List.of(
            1, 1L, 1.0d, 1.5f, 0, 0.0d, -0.0d, -0.0f, -7, Long.MAX_VALUE, (1L << 53) + 1, Double.NaN,
            "text", "", true, false, new ObjectId("5f1d7c2e9a1b2c3d4e5f6a7b"), new Date(1_700_000_000_000L),
            Instant.ofEpochSecond(1_700_000_000L), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            List.of(1, 2), List.of("a", 1L), List.of(), new Document("x", 1).append("y", -0.0d),
            new Document("x", List.of(1, 2)));

    @Test
    void aSingleFieldKeyIsReadAsTheServerReadsIt() {
        assertSameKeys(List.of(new IndexKey("aggregateIdentifier", true)));
    }

    @Test
    void aCompoundKeyIsReadAsTheServerReadsIt() {
        assertSameKeys(List.of(new IndexKey("aggregateIdentifier", true), new IndexKey("sequenceNumber", false)));
    }

    @Test
    void aDottedKeyIsLeftToTheServer() {
        assertSameKeys(List.of(new IndexKey("payload.id", true), new IndexKey("sequenceNumber", true)));
    }

    @Test
    void theKeyNamesKeepTheirOrder() {
        var keys = List.of(new IndexKey("b", true), new IndexKey("a", true), new IndexKey("c", false));
        assertThat(new InMemoryUniqueIndex<>("i", keys, false).getKeyValues(new Document("a", 1).append("b", 2).append("c", 3)))
                .containsExactlyElementsOf(new Reference(keys).getKeyValues(new Document("a", 1).append("b", 2).append("c", 3)));
    }

    private static void assertSameKeys(List<IndexKey> keys) {
        InMemoryUniqueIndex<Integer> ours = new InMemoryUniqueIndex<>("ours", keys, false);
        Reference server = new Reference(keys);
        List<Document> documents = documentsFor(keys);
        int compared = 0;
        for (Document document : documents) {
            Set<KeyValue> expected = server.getKeyValues(document);
            assertThat(ours.getKeyValues(document)).as("key of %s", document).isEqualTo(expected);
            for (Document other : documents) {
                assertThat(ours.getKeyValues(other).equals(ours.getKeyValues(document)))
                        .as("%s and %s are one key", other, document)
                        .isEqualTo(server.getKeyValues(other).equals(expected));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(VALUES.size());
    }

    /** Every value at the first key with the others fixed, every value at the second, and the first key missing or null. */
    private static List<Document> documentsFor(List<IndexKey> keys) {
        List<Document> documents = new ArrayList<>();
        for (int position = 0; position < keys.size(); position++) {
            for (Object value : VALUES) {
                Map<String, Object> fields = new HashMap<>();
                for (int k = 0; k < keys.size(); k++) {
                    fields.put(keys.get(k).getKey(), k == position ? value : "fixed-" + k);
                }
                documents.add(document(fields));
            }
        }
        documents.add(document(Map.of("other", 1)));
        Map<String, Object> nullFirst = new HashMap<>();
        nullFirst.put(keys.getFirst().getKey(), null);
        documents.add(document(nullFirst));
        return documents;
    }

    /** A document with each field at its (possibly dotted) path. */
    private static Document document(Map<String, Object> fields) {
        Document document = new Document("_id", new ObjectId());
        fields.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            Document parent = document;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = (Document) parent.computeIfAbsent(parts[i], part -> new Document());
            }
            parent.put(parts[parts.length - 1], value);
        });
        return document;
    }

    /** The server's unique index as it comes: its key reading is the one to match. */
    private static final class Reference extends AbstractUniqueIndex<Integer> {

        Reference(List<IndexKey> keys) {
            super("reference", keys, false);
        }

        @Override
        protected Integer removeDocument(KeyValue key) {
            return null;
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Integer position) {
            return true;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
            return List.of();
        }

        @Override
        protected Integer getPosition(KeyValue key) {
            return null;
        }

        @Override
        public long getCount() {
            return 0;
        }

        @Override
        public long getDataSize() {
            return 0;
        }
    }
}
