/**
 * {@code Idempotency-Key} on every write: the first request with a key is processed and its
 * response kept for 24 hours; a repeat with the same key and the same request gets that response
 * again and stores nothing new; the same key with a different request is refused (422), and a
 * repeat while the first is still running is told to retry (409). Keys are scoped to the caller.
 */
package org.incidentplatform.incident.idempotency;
