package org.incidentplatform.incident.eventstore;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoTimeouts.class)
class EventStoreConfiguration {

    /** Fail fast during a MongoDB outage: writes answer 503 within seconds, not after 30 s. */
    @Bean
    MongoTimeouts.Customizer mongoTimeouts(MongoTimeouts timeouts) {
        return new MongoTimeouts.Customizer(timeouts);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabaseFactory databases) {
        // The database named in MONGODB_URI; Axon's collections sit beside the summary projection.
        return DefaultMongoTemplate.builder().mongoDatabase(databases.getMongoDatabase()).build();
    }

    /**
     * Lazy, so that start-up never waits for MongoDB: the real engine (whose constructor creates
     * the indexes) is built on first use or by {@link EventStoreIndexes} as soon as MongoDB answers.
     */
    @Bean
    LazyEventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer, AppendObserver observer) {
        return new LazyEventStorageEngine(() -> MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build(), axonMongoTemplate, observer);
    }

    /** The event relay's reads: many aggregates' events in one query. */
    @Bean
    EventBatchReader eventBatchReader(MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new MongoEventBatchReader(axonMongoTemplate, eventSerializer);
    }

    /**
     * Aggregates stay loaded between commands, so the twentieth command of a storm's stream does
     * not replay the nineteen before it (loading was quadratic in the group's size). Weak
     * references: the cache never holds memory the JVM needs. Another instance may have appended
     * since an aggregate was cached; the event store's unique index then refuses the stale append,
     * Axon drops the entry on that rollback, and the sender retries against fresh state
     * ({@code AlertIntake}, {@code IncidentCommandSender}, the relay for the alert linker).
     */
    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /**
     * No streaming processor uses a token store today (the event relay replaced them); it is kept
     * in MongoDB so that one added later never falls back to an in-memory store. Processors claim
     * segments under this node id. Axon's default is the JVM name, which two instances in one JVM
     * (as in the multi-instance tests) would share; override it there.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer,
            @Value("${incidents.token-store.node-id:}") String nodeId) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .ensureIndexes(false);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }

    /**
     * Jackson 3's default validator rejects the type-tagged {@code Object} field in Axon's
     * {@code ReplayToken}, and a processor then loops on a serialization error. Allow Axon's own
     * types and ours, nothing else.
     */
    @Bean
    Jackson3SerializerCustomizer allowAxonAndProjectTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.incidentplatform.")
                .build());
    }

    @Bean
    EventStoreIndexes eventStoreIndexes(LazyEventStorageEngine eventStorageEngine, TokenStore tokenStore) {
        return new EventStoreIndexes(eventStorageEngine, (MongoTokenStore) tokenStore);
    }

    /** Contributor {@code eventStore}: part of readiness, UP once the indexes exist. */
    @Bean
    HealthIndicator eventStoreHealthIndicator(EventStoreIndexes indexes) {
        return () -> indexes.ready()
                ? Health.up().build()
                : Health.down().withDetail("reason", "event store indexes not created yet (MongoDB unreachable?)").build();
    }
}
