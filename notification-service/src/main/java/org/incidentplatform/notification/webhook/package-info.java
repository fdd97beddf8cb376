/**
 * Generic outbound webhooks: every routed incident CloudEvent POSTed as is, signed with
 * HMAC-SHA256 over {@code timestamp + "." + body} ({@code X-Incident-Signature: v1=<hex>},
 * {@code X-Incident-Timestamp}, {@code X-Incident-Delivery}). Verification is in docs/webhooks.md.
 */
package org.incidentplatform.notification.webhook;
