package org.incidentplatform.incident.web;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageMetadataConfiguration {

    /**
     * Copies the request's actor, correlation id and trace context onto every event it causes, and
     * the Slack member who acted (so that an incident channel can invite them).
     */
    @Bean
    CorrelationDataProvider requestOriginOnEvents() {
        return new SimpleCorrelationDataProvider(
                RequestOrigin.ACTOR, RequestOrigin.CORRELATION_ID, RequestOrigin.TRACEPARENT, RequestOrigin.SLACK_USER);
    }
}
