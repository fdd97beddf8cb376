package org.incidentplatform.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens a collection's document map with {@link BsonDocumentType} values, converting a map that an
 * earlier version wrote with Java-serialised values on the way.
 *
 * <p>The map keeps the server's name ({@code databases.<db>.<collection>}), because the server
 * finds, drops and renames collections by it. What format its values are in is recorded in the
 * collection's meta map. A conversion copies into a side map and commits before it removes the old
 * one, so a crash at any point leaves either the old map or a complete copy to finish from.
 */
final class BsonDataMaps {

    static final String FORMAT_KEY = "incidentplatform.valueFormat";
    static final String BSON = "bson";

    private BsonDataMaps() {
    }

    static MVMap<Object, Document> open(MVStore store, String dataMapName, MVMap<String, Object> meta) {
        if (!BSON.equals(meta.get(FORMAT_KEY))) {
            convert(store, dataMapName, "converting." + dataMapName);
            meta.put(FORMAT_KEY, BSON);
            store.commit();
        }
        return store.openMap(dataMapName, bsonValues());
    }

    private static void convert(MVStore store, String dataMapName, String copyName) {
        if (!store.hasMap(dataMapName)) {
            if (store.hasMap(copyName)) {
                // The old map went after a complete copy had been committed: finish the rename.
                store.renameMap(store.openMap(copyName, bsonValues()), dataMapName);
            }
            return;
        }
        MVMap<Object, Object> javaSerialised = store.openMap(dataMapName);
        if (store.hasMap(copyName)) {
            store.removeMap(copyName); // an interrupted copy: start it again
        }
        MVMap<Object, Document> copy = store.openMap(copyName, bsonValues());
        javaSerialised.forEach((id, document) -> copy.put(id, (Document) document));
        store.commit();
        store.removeMap(javaSerialised);
        store.renameMap(copy, dataMapName);
        store.commit();
    }

    private static MVMap.Builder<Object, Document> bsonValues() {
        return new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE);
    }
}
