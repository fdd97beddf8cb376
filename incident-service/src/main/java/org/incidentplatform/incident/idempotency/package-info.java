/**
 * {@code Idempotency-Key} on every write: the first request with a key is processed and its
 * final response (2xx, or a 4xx other than 401/403/408/409/425/429) kept for
 * {@code incidents.idempotency.retention} (24 h); a repeat with the same key and the same request
 * gets that response again and stores nothing new; the same key with a different request is
 * refused (422), and a repeat while the first is still running is told to retry (409). Keys are
 * scoped to the authenticated principal or, on public webhooks, to the integration whose valid
 * key the request carries; a request with neither is processed without idempotency. Expired
 * records are removed by a TTL index and a periodic sweep.
 */
package org.incidentplatform.incident.idempotency;
