package org.incidentplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode (one process acting as broker and controller),
 * started inside this JVM. Its log directory is formatted on first start only, so a broker
 * restarted on the same directory keeps its topics, messages and committed offsets.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String LOOPBACK = "127.0.0.1";

    private final Path logDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final int defaultPartitions;
    private KafkaRaftServer server;

    /**
     * @param logDir            where the broker keeps its data; reused across restarts
     * @param port              client port on 127.0.0.1, 0 for any free port
     * @param defaultPartitions partitions of auto-created topics
     */
    public EmbeddedKafkaBroker(Path logDir, int port, int defaultPartitions) {
        this(logDir, LOOPBACK, port, defaultPartitions);
    }

    /**
     * A broker whose client listener binds {@code host}, an IP address; 0.0.0.0 or :: binds every
     * interface and then advertises 127.0.0.1. The controller listener stays on 127.0.0.1: only
     * this broker talks to it.
     */
    public EmbeddedKafkaBroker(Path logDir, String host, int port, int defaultPartitions) {
        this.logDir = logDir;
        this.host = host;
        this.port = port == 0 ? freePort() : port;
        this.controllerPort = freePortOtherThan(this.port);
        this.defaultPartitions = defaultPartitions;
    }

    /** A broker on a free port whose data lives in a fresh temporary directory. */
    public static EmbeddedKafkaBroker temporary() {
        try {
            return new EmbeddedKafkaBroker(Files.createTempDirectory("kafka-"), 0, 3);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        Map<String, Object> config = brokerConfig();
        KafkaConfig kafkaConfig = new KafkaConfig(config, false);
        formatIfNew();
        server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        server.startup();
        log.info("Kafka broker (KRaft) listening on {}:{} with data in {}", urlHost(host), port, logDir);
        return this;
    }

    public String bootstrapServers() {
        return urlHost(advertisedHost()) + ":" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Map<String, Object> brokerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + urlHost(host) + ":" + port + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + urlHost(advertisedHost()) + ":" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toAbsolutePath().toString());
        config.put("num.partitions", String.valueOf(defaultPartitions));
        // A single node can only hold one replica of anything, internal topics included.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        // The incident topic is the replay source of every projection: keep it.
        config.put("log.retention.hours", "-1");
        config.put("log.flush.interval.messages", "1");
        // The log cleaner's key map, allocated on the heap when the broker starts: Kafka's default
        // of 128 MB was an eighth of the launcher's heap, for compacted topics (the maintenance
        // windows, the consumer offsets) of a few thousand keys. 16 MB maps about 600,000 keys per
        // cleaning pass; a larger topic is cleaned over several passes.
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return config;
    }

    private void formatIfNew() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(NODE_ID)
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setPrintStream(System.out)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDir, e);
        }
    }

    private String advertisedHost() {
        return Addresses.isWildcard(host) ? LOOPBACK : host;
    }

    private static String urlHost(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    /**
     * A free port that is not {@code taken}: a port chosen by the caller but not bound yet is free
     * to the operating system, which handed it out again once (Kafka then refuses two listeners on
     * one port).
     */
    static int freePortOtherThan(int taken) {
        int candidate = freePort();
        while (candidate == taken) {
            candidate = freePort();
        }
        return candidate;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
