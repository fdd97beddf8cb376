package org.incidentplatform.incident.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.incidentplatform.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /**
     * Created by Spring's KafkaAdmin when the broker is reachable. Retention is unlimited: the
     * topic is the replay source every projection is rebuilt from.
     */
    @Bean
    NewTopic incidentEventsTopic(@Value("${incidents.kafka.partitions:3}") int partitions,
            @Value("${incidents.kafka.replication-factor:1}") short replicationFactor) {
        return TopicBuilder.name(Topics.INCIDENT_EVENTS)
                .partitions(partitions)
                .replicas(replicationFactor)
                .config("retention.ms", "-1")
                .build();
    }

    /**
     * Axon's default for event handlers is to log an exception and move on, which for the
     * publisher would advance the token past events Kafka never acknowledged. Propagating the
     * error makes the processor roll the batch back and retry it.
     */
    @Bean
    ConfigurerModule publisherPropagatesFailures() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                // The alert linker carries out stored intake decisions: it must retry, never skip.
                .registerListenerInvocationErrorHandler("alert-incident-linker",
                        configuration -> PropagatingErrorHandler.instance());
    }
}
