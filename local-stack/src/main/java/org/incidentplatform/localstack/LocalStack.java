package org.incidentplatform.localstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.incidentplatform.embedded.EmbeddedKafkaBroker;
import org.incidentplatform.embedded.EmbeddedMongoServer;
import org.incidentplatform.localstack.mail.MailCatcher;
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
    private final List<ServiceProcess> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile EmbeddedMongoServer mongo;
    private volatile EmbeddedKafkaBroker kafka;
    private volatile MailCatcher mailCatcher;
    /** Set by close(); a start() still in progress gives up at its next step. */
    private volatile boolean closed;

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
            System.exit(1); // Runs the shutdown hook, which stops whatever did start.
        }
        stack.printWelcome(System.out);
        stopped.await();
    }

    /**
     * Starts the mail catcher, MongoDB, Kafka and the four services; returns once every service is
     * ready. If any of it fails, whatever did start is stopped before the failure is thrown: a caller
     * holding no stack yet could not close it.
     */
    public LocalStack start() throws InterruptedException {
        try {
            return startAll();
        } catch (RuntimeException | InterruptedException | Error failed) {
            close();
            throw failed;
        }
    }

    private LocalStack startAll() throws InterruptedException {
        Path runDir = config.dataDir().resolve("run");
        OwnerOnlyFiles.directory(config.dataDir());
        OwnerOnlyFiles.tree(config.dataDir().resolve("logs"));
        OwnerOnlyFiles.tree(runDir);
        ServiceProcess.stopLeftovers(runDir, config.services());
        Ports.requireFree(config);
        mailCatcher = MailCatcher.start(config.bindAddress(), config.clientHostInUrl(), config.mail().smtpPort(),
                config.mail().webPort());
        mongo = store(config).start();
        kafka = broker(config).start();
        for (ServiceSpec spec : config.services()) {
            abortIfClosed();
            services.add(ServiceProcess.start(spec, config.jarOf(spec), config.serviceJvmOptions(),
                    ServiceEnvironment.of(config, spec), config.dataDir().resolve("logs"), runDir));
            log.info("Starting {} on port {}", spec.name(), spec.port());
        }
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT, () -> closed);
            abortIfClosed();
            log.info("{} is ready", service.spec().name());
        }
        return this;
    }

    /** The MongoDB server of the stack, not yet started, its directory made owner-only. */
    static EmbeddedMongoServer store(LocalStackConfig config) {
        Path directory = OwnerOnlyFiles.tree(config.dataDir().resolve("mongodb"));
        return EmbeddedMongoServer.fileBacked(directory.resolve("data.mv"), config.bindAddress(), config.mongoPort());
    }

    /** The Kafka broker of the stack, not yet started, its directory made owner-only. */
    static EmbeddedKafkaBroker broker(LocalStackConfig config) {
        Path directory = OwnerOnlyFiles.tree(config.dataDir().resolve("kafka"));
        return new EmbeddedKafkaBroker(directory, config.bindAddress(), config.kafkaPort(), 3);
    }

    private void abortIfClosed() {
        if (closed) {
            throw new IllegalStateException("The stack is stopping");
        }
    }

    /**
     * Stops the services first so they can commit offsets, then the broker, MongoDB and the mail
     * catcher. Safe to call while start() is still running (Ctrl-C during start-up): start() then gives up.
     */
    @Override
    public void close() {
        closed = true;
        services.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        EmbeddedKafkaBroker broker = kafka;
        if (broker != null) {
            broker.stop();
            kafka = null;
        }
        EmbeddedMongoServer server = mongo;
        if (server != null) {
            server.stop();
            mongo = null;
        }
        MailCatcher catcher = mailCatcher;
        if (catcher != null) {
            catcher.close();
            mailCatcher = null;
        }
    }

    /** The mail catcher of a started stack. */
    public MailCatcher mailCatcher() {
        return mailCatcher;
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
        out.printf("  %-21s %s:%d%n", "Kafka", config.clientHostInUrl(), config.kafkaPort());
        out.printf("  %-21s mongodb://%s:%d%n", "MongoDB", config.clientHostInUrl(), config.mongoPort());
        out.printf("  %-21s %s (SMTP %s:%d; SEV1/SEV2 go to %s)%n", "Mail catcher", mailCatcher.url(),
                config.clientHostInUrl(), config.mail().smtpPort(), config.mail().recipient());
        out.println("Admin API key (send as 'Authorization: Bearer <key>'):");
        out.println("  export INCIDENTS_API_KEY=" + config.apiKey());
        out.println("Service logs: " + config.dataDir().resolve("logs") + ". Press Ctrl-C to stop.");
        out.println();
    }
}
