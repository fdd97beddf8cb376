package org.incidentplatform.localstack.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.embedded.EmbeddedMongoServer;
import org.incidentplatform.localstack.LocalStackConfig;
import org.incidentplatform.localstack.ServiceProcess;
import org.incidentplatform.localstack.ServiceSpec;

/**
 * The platform with two instances of each service (same database, same consumer groups, so they
 * share partitions and rebalance), a broker and a MongoDB server inside the test JVM that can be
 * stopped and started again on the same port and data, and a way to kill or restart any instance.
 */
final class Cluster implements AutoCloseable {

    /** Eight JVMs share two cores with other builds: small heaps, one compiler tier, one CPU each. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ActiveProcessorCount=1");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    /** Short, so that intake answers 503 within seconds of MongoDB going away instead of after 30 s. */
    private static final String MONGO_OPTIONS = "?serverSelectionTimeoutMS=3000&connectTimeoutMS=2000";

    private final LocalStackConfig config;
    private final Path dataDir;
    private final String webhookUrl;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;
    /** Instance name (e.g. {@code timeline-service-2}) to its spec, in start order. */
    private final Map<String, ServiceSpec> instances = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> running = new HashMap<>();
    private final List<HardKill> hardKills = new ArrayList<>();

    private record HardKill(String instance, Instant at) {
    }

    Cluster(LocalStackConfig config, Path dataDir, String webhookUrl) {
        this.config = config;
        this.dataDir = dataDir;
        this.webhookUrl = webhookUrl;
        this.kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), freePort(), 3);
        this.mongo = EmbeddedMongoServer.fileBacked(dataDir.resolve("mongodb").resolve("data.mv"), freePort());
        for (ServiceSpec spec : config.services()) {
            instances.put(spec.name() + "-1", spec.onPort(freePort()));
            instances.put(spec.name() + "-2", spec.onPort(freePort()));
        }
    }

    Cluster start() throws InterruptedException {
        mongo.start();
        kafka.start();
        instances.keySet().forEach(this::launch);
        for (String instance : instances.keySet()) {
            awaitReady(instance);
        }
        return this;
    }

    List<String> urlsOf(String service) {
        List<String> urls = new ArrayList<>();
        instances.forEach((instance, spec) -> {
            if (spec.name().equals(service)) {
                urls.add(spec.baseUrl());
            }
        });
        return urls;
    }

    /** The first instance of the service that is running; checks read through it. */
    String anyUrlOf(String service) {
        return instances.entrySet().stream()
                .filter(e -> e.getValue().name().equals(service) && running.get(e.getKey()).isAlive())
                .map(e -> e.getValue().baseUrl()).findFirst().orElseThrow();
    }

    void stopBroker() {
        kafka.stop();
    }

    void startBroker() {
        kafka.start();
    }

    void stopMongo() {
        mongo.stop();
    }

    void startMongo() {
        mongo.start();
    }

    void kill(String instance) {
        running.get(instance).kill();
        hardKills.add(new HardKill(instance, Instant.now()));
    }

    /** When instances of this service were killed with SIGKILL. */
    List<Instant> hardKillsOf(String service) {
        return hardKills.stream().filter(kill -> kill.instance().startsWith(service + "-")).map(HardKill::at).toList();
    }

    void stopGracefully(String instance) {
        running.get(instance).stop();
    }

    /**
     * Starts stopped instances again without waiting for them: a JVM takes a minute or more to
     * start on this machine, and the load and the next fault go on meanwhile.
     */
    void startAgain(String... instances) {
        for (String instance : instances) {
            launch(instance);
        }
    }

    void awaitAllReady() throws InterruptedException {
        for (String instance : instances.keySet()) {
            awaitReady(instance);
        }
    }

    private void launch(String instance) {
        ServiceSpec spec = instances.get(instance);
        Map<String, String> env = new HashMap<>(Map.of(
                // As the launcher does (ServiceEnvironment): this machine only, nothing phones home.
                "SERVER_ADDRESS", "127.0.0.1",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
                "SERVER_PORT", String.valueOf(spec.port()),
                "MONGODB_URI", mongo.uri(spec.database()) + MONGO_OPTIONS,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "INCIDENTS_API_KEY", config.apiKey(),
                // The final check reads every incident with the admin key; the per-caller rate limit
                // (50/s) is not what this suite tests.
                "INCIDENTS_SECURITY_RATELIMIT_PERSECOND", "1000",
                "INCIDENTS_SECURITY_RATELIMIT_BURST", "2000"));
        if (spec.name().equals("notification-service")) {
            env.put("OUTBOUND_WEBHOOK_URL", webhookUrl);
            env.put("OUTBOUND_WEBHOOK_SECRET", "fault-suite-secret");
        }
        running.put(instance, ServiceProcess.start(spec, instance, config.jarOf(spec), JVM_OPTIONS, env,
                dataDir.resolve("logs"), dataDir.resolve("run")));
    }

    private void awaitReady(String instance) throws InterruptedException {
        running.get(instance).awaitReady(READY_TIMEOUT, () -> false);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Services first (gracefully, in parallel), then the broker, then MongoDB. */
    @Override
    public void close() {
        running.values().parallelStream().forEach(ServiceProcess::stop);
        kafka.stop();
        mongo.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
