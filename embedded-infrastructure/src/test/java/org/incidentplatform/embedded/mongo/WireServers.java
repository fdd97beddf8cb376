package org.incidentplatform.embedded.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/** Wire servers on a backend, each with a real MongoDB client, stopped together (which closes their store files). */
final class WireServers {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    /** A collection of a fresh server on {@code backend}, reached through the MongoDB driver. */
    MongoCollection<Document> collection(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        clients.add(client);
        return client.getDatabase("test").getCollection("events");
    }

    /** Closes every client and server opened so far; a file-backed one can then be opened again. */
    void stopAll() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
        clients.clear();
        servers.clear();
    }

    /** The names of the maps in an H2 file that no server has open. */
    static Set<String> mapNames(String file) {
        try (MVStore store = MVStore.open(file)) {
            return store.getMapNames();
        }
    }
}
