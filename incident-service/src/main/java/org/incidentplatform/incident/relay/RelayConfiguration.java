package org.incidentplatform.incident.relay;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.incidentplatform.incident.eventstore.EventBatchReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.incidentplatform.incident.leases.MongoLease;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelaySettings.class)
class RelayConfiguration {

    /** Contributor {@code eventRelay} (in the admin-only {@code publishing} health group) and the relay gauges. */
    @Bean
    RelayStatus eventRelayHealthIndicator(MeterRegistry meters) {
        return new RelayStatus(meters);
    }

    /**
     * The lease owner is unique per start, so that a restarted instance never mistakes its
     * predecessor's lease for its own.
     */
    @Bean
    MongoLease relayLease(MongoTemplate mongo, RelaySettings settings) {
        return new MongoLease(mongo, "event-relay", MongoLease.ownerName(settings.nodeId()), settings.leaseTtl());
    }

    @Bean
    EventRelay eventRelay(RelayCursors cursors, EventStorageEngine store, EventBatchReader reader,
            ObjectProvider<RelaySink> sinks, MongoLease lease, RelayWakeUp wakeUp, RelayStatus status,
            RelaySettings settings) {
        return new EventRelay(cursors, store, reader, sinks.orderedStream().toList(), lease, wakeUp, status, settings);
    }
}
