package org.incidentplatform.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.embedded.EmbeddedMongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform on this machine with nothing but a JDK: see the README's run command.
 * Runs in the foreground and stops cleanly on SIGTERM or Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final LocalStackConfig config;
    private EmbeddedMongoServer mongo;
    private EmbeddedKafkaBroker kafka;
    private final List<ServiceProcess> services = new ArrayList<>();

    public LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = new LocalStack(LocalStackConfig.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the incident platform...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            log.error("The local stack could not start: {}", e.getMessage());
            System.exit(1);
        }
        stack.printWelcome(System.out);
        stopped.await();
    }

    /** Starts MongoDB, Kafka and the four services, and returns once every service is ready. */
    public synchronized LocalStack start() throws InterruptedException {
        mongo = EmbeddedMongoServer.fileBacked(config.dataDir().resolve("mongodb").resolve("data.mv"),
                config.mongoPort()).start();
        kafka = new EmbeddedKafkaBroker(config.dataDir().resolve("kafka"), config.kafkaPort(), 3).start();
        for (ServiceSpec spec : config.services()) {
            services.add(ServiceProcess.start(spec, config.jarOf(spec), config.serviceJvmOptions(), Map.of(
                    "SERVER_PORT", String.valueOf(spec.port()),
                    "MONGODB_URI", mongo.uri(spec.database()),
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                    config.dataDir().resolve("logs")));
            log.info("Starting {} on port {}", spec.name(), spec.port());
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            log.info("{} is ready", service.spec().name());
        }
        return this;
    }

    /** Stops the services first so they can commit offsets, then the broker, then MongoDB. */
    @Override
    public synchronized void close() {
        services.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (mongo != null) {
            mongo.stop();
            mongo = null;
        }
    }

    public LocalStackConfig config() {
        return config;
    }

    void printWelcome(PrintStream out) {
        out.println();
        out.println("Incident platform is running. Data is kept in " + config.dataDir());
        for (ServiceSpec spec : config.services()) {
            out.printf("  %-21s %s%n", spec.name(), spec.baseUrl());
        }
        ServiceSpec incidents = config.services().getFirst();
        out.printf("  %-21s %s/swagger-ui.html%n", "Swagger UI", incidents.baseUrl());
        out.printf("  %-21s 127.0.0.1:%d%n", "Kafka", config.kafkaPort());
        out.printf("  %-21s mongodb://127.0.0.1:%d%n", "MongoDB", config.mongoPort());
        out.println("Service logs: " + config.dataDir().resolve("logs") + ". Press Ctrl-C to stop.");
        out.println();
    }
}
