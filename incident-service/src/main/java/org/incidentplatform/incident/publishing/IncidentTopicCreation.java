package org.incidentplatform.incident.publishing;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Creates the incident topic (with its unlimited retention) as soon as the broker answers.
 *
 * <p>Spring's KafkaAdmin would do it during start-up, which then waits for the broker for its
 * operation timeout and, if the broker is down, never tries again. Here start-up does not wait
 * (application.yml sets {@code spring.kafka.admin.auto-create=false}), a background thread
 * retries with back-off, and the publisher sends nothing before the topic exists, so a broker
 * that auto-creates topics never creates this one with its default retention.
 */
@Component
class IncidentTopicCreation {

    private static final Logger log = LoggerFactory.getLogger(IncidentTopicCreation.class);

    private final KafkaAdmin admin;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean created;
    private volatile Thread worker;

    IncidentTopicCreation(KafkaAdmin admin) {
        this.admin = admin;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createInBackground() {
        worker = Thread.ofVirtual().name("incident-topic-creation").start(this::createUntilDone);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    /** Creates the topic now unless it exists; throws when the broker does not answer. */
    void ensureCreated() {
        if (created) {
            return;
        }
        lock.lock();
        try {
            if (!created && admin.initialize()) {
                created = true;
                log.info("Incident topic is in place");
            }
        } finally {
            lock.unlock();
        }
        if (!created) {
            throw new IllegalStateException("Incident topic could not be created");
        }
    }

    private void createUntilDone() {
        Duration wait = Duration.ofSeconds(1);
        while (!created && !Thread.currentThread().isInterrupted()) {
            try {
                ensureCreated();
            } catch (RuntimeException e) {
                log.warn("Could not create the incident topic yet ({}); retrying in {}", e.getMessage(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
            }
        }
    }
}
