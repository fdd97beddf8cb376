package org.incidentplatform.incident.idempotency;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A key's first request and, once it completed, its response.
 *
 * @param id          hash of the caller's scope (principal or integration) and key
 * @param fingerprint hash of method, path and body: a repeat must match it
 * @param completed   false while the first request is still being processed
 * @param status      the response status
 * @param headers     the response headers a client needs again (Location, ETag, Content-Type)
 * @param body        the response body
 * @param createdAt   when the first request arrived
 * @param expiresAt   when the record is forgotten (a TTL index and {@link IdempotencySweeper} remove it)
 */
@Document("idempotency_keys")
record IdempotencyRecord(@Id String id, String fingerprint, boolean completed, int status,
        Map<String, String> headers, byte[] body, Instant createdAt, Instant expiresAt) {

    static IdempotencyRecord started(String id, String fingerprint, Instant now, Instant expiresAt) {
        return new IdempotencyRecord(id, fingerprint, false, 0, Map.of(), new byte[0], now, expiresAt);
    }
}
