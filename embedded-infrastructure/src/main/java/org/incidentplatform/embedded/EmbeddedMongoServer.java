package org.incidentplatform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.incidentplatform.embedded.mongo.IndexedH2Backend;
import org.incidentplatform.embedded.mongo.IndexedMemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MongoDB wire-protocol server. Real MongoDB drivers talk to it over TCP.
 *
 * <p>Known limits (see the project's stack notes): no transactions and no change streams; nothing
 * in the product relies on those. mongo-java-server on its own ignores non-unique indexes and so
 * scans whole collections; the backends here add {@link org.incidentplatform.embedded.mongo query
 * indexes}. {@code EMBEDDED_MONGO_QUERY_INDEXES=false} turns them off, to measure what they save.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /** A fresh backend per start: stopping the server closes its backend (and the H2 file). */
    private final Supplier<MongoBackend> backends;
    private final String host;
    private int port;
    private final String description;
    private MongoServer server;

    private EmbeddedMongoServer(Supplier<MongoBackend> backends, String host, int port, String description) {
        this.backends = backends;
        this.host = host;
        this.port = port;
        this.description = description;
    }

    /** A server on 127.0.0.1 whose data lives in one file, so that stopping and starting keeps everything. */
    public static EmbeddedMongoServer fileBacked(Path file, int port) {
        return fileBacked(file, "127.0.0.1", port);
    }

    /** A file-backed server listening on {@code host}, an IP address (0.0.0.0 for every interface). */
    public static EmbeddedMongoServer fileBacked(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = file.toAbsolutePath().toString();
        return new EmbeddedMongoServer(() -> queryIndexes() ? new IndexedH2Backend(path) : new H2Backend(path), host,
                port, "file " + file);
    }

    /** A server in memory on a free port, for tests. A restart starts empty. */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(() -> queryIndexes() ? new IndexedMemoryBackend() : new MemoryBackend(), "127.0.0.1",
                0, "memory");
    }

    private static boolean queryIndexes() {
        return !"false".equalsIgnoreCase(System.getenv("EMBEDDED_MONGO_QUERY_INDEXES"));
    }

    public synchronized EmbeddedMongoServer start() {
        if (server == null) {
            server = new MongoServer(backends.get());
            // A restart binds the port of the first start, so clients reconnect to the same address.
            port = port == 0 ? EmbeddedKafkaBroker.freePort() : port;
            server.bind(host, port);
            log.info("MongoDB wire-protocol server listening on {} ({})", connectionString(), description);
        }
        return this;
    }

    /** A connection string for the MongoDB driver, without a database name. */
    public String connectionString() {
        var address = server.getLocalAddress();
        // Bound to every interface, clients on this machine still connect over loopback.
        String host = Addresses.isWildcard(address.getHostString()) ? "127.0.0.1" : address.getHostString();
        return "mongodb://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** A connection string for the MongoDB driver that selects a database. */
    public String uri(String database) {
        return connectionString() + "/" + database;
    }

    /** Stops listening, drops every client connection and closes the backend (flushing the file). */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
