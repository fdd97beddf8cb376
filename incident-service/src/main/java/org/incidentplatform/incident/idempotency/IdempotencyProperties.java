package org.incidentplatform.incident.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code incidents.idempotency}: how long keys are remembered.
 *
 * @param retention     how long a first request's answer is replayed to repeats
 * @param sweepInterval how often expired records are deleted (MongoDB's TTL monitor does it too,
 *                      but the embedded server implements TTL indexes only nominally)
 */
@ConfigurationProperties("incidents.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("10m") Duration sweepInterval) {
}
