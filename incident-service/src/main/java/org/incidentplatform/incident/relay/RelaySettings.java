package org.incidentplatform.incident.relay;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.relay.*}: how the event relay polls and backs off.
 *
 * @param pollInterval how often the relay looks for aggregates stored by other instances
 * @param batchSize pending aggregates read per pass
 * @param parallelism aggregates relayed at once (each aggregate's events stay in order)
 * @param maxEventsPerAggregate events of one aggregate relayed in one go; the rest in the next pass
 * @param maxBackOff longest wait before retrying an aggregate whose sink failed, or a failed pass
 * @param notStoredRecheck longest wait before looking again at events announced but not stored
 * @param leaseTtl how long the relaying instance's lease lasts without renewal
 * @param leaseRetry how often a standby instance tries to take the lease
 * @param nodeId this instance's name in the lease; empty means the JVM's name
 */
@ConfigurationProperties("incidents.relay")
record RelaySettings(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("8") int parallelism,
        @DefaultValue("500") int maxEventsPerAggregate,
        @DefaultValue("10s") Duration maxBackOff,
        @DefaultValue("2s") Duration notStoredRecheck,
        @DefaultValue("10s") Duration leaseTtl,
        @DefaultValue("2s") Duration leaseRetry,
        @DefaultValue("") String nodeId) {
}
