package org.incidentplatform.incident.eventstore;

import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabaseFactory databases) {
        // The database named in MONGODB_URI; Axon's collections sit beside the summary projection.
        return DefaultMongoTemplate.builder().mongoDatabase(databases.getMongoDatabase()).build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /**
     * Processors claim segments under this node id. Axon's default is the JVM name, which two
     * instances in one JVM (as in the multi-instance tests) would share; override it there.
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
    EventStoreIndexes eventStoreIndexes(EventStorageEngine eventStorageEngine, TokenStore tokenStore) {
        return new EventStoreIndexes((MongoEventStorageEngine) eventStorageEngine, (MongoTokenStore) tokenStore);
    }
}
