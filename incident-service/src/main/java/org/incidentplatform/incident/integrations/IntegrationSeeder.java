package org.incidentplatform.incident.integrations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Creates or updates the integrations listed under {@code incidents.integrations.seed} once
 * MongoDB answers, so a deployment can declare its senders (keys from the environment) instead of
 * calling the admin API. Seeding is by name and repeatable.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationSeeder.SeedProperties.class)
class IntegrationSeeder {

    private static final Logger log = LoggerFactory.getLogger(IntegrationSeeder.class);

    @ConfigurationProperties("incidents.integrations")
    record SeedProperties(@DefaultValue List<Seed> seed) {
    }

    /** One integration to declare; {@code key} comes from the environment, never from a committed file. */
    record Seed(String name, IntegrationType type, String key, GroupingMode grouping, Boolean autoResolve,
            String severityField, org.incidentplatform.events.Severity defaultSeverity) {
    }

    private final IntegrationRepository integrations;
    private final SeedProperties properties;

    IntegrationSeeder(IntegrationRepository integrations, SeedProperties properties) {
        this.integrations = integrations;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInBackground() {
        if (!properties.seed().isEmpty()) {
            Thread.ofVirtual().name("integration-seeder").start(this::seedUntilDone);
        }
    }

    private void seedUntilDone() {
        Duration wait = Duration.ofSeconds(1);
        while (true) {
            try {
                properties.seed().forEach(this::seed);
                return;
            } catch (RuntimeException e) {
                log.warn("Could not seed integrations yet ({}); retrying in {}", e.getMessage(), wait);
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
            }
        }
    }

    private void seed(Seed seed) {
        if (seed.name() == null || seed.type() == null || seed.key() == null || seed.key().length() < 16) {
            log.warn("Skipping integration seed '{}': name, type and a key of at least 16 characters are required", seed.name());
            return;
        }
        var settings = new IntegrationSettings(seed.severityField(), null, seed.defaultSeverity(), null,
                seed.grouping(), seed.autoResolve(), true);
        Instant now = Instant.now();
        var existing = integrations.findByName(seed.name());
        Integration declared = existing.isPresent()
                ? settings.applyTo(withKey(existing.get(), seed.key()), now)
                : IntegrationSettings.create("int-" + UUID.randomUUID().toString().substring(0, 12), seed.name(),
                        seed.type(), seed.key(), settings, now);
        integrations.save(declared);
        log.info("Integration '{}' ({}) is declared from configuration", seed.name(), seed.type());
    }

    private static Integration withKey(Integration current, String key) {
        return new Integration(current.id(), current.name(), current.type(), IntegrationKeys.hash(key),
                IntegrationKeys.prefix(key), current.severityField(), current.severityMapping(), current.defaultSeverity(),
                current.serviceLabels(), current.grouping(), current.autoResolve(), current.enabled(),
                current.createdAt(), current.updatedAt());
    }
}
