package org.incidentplatform.incident.publishing;

import org.apache.kafka.clients.admin.NewTopic;
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
}
