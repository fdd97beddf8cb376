/**
 * Authentication and authorisation shared by the four services.
 *
 * <p>Callers send {@code Authorization: Bearer <token>}. The token is one of: an API key
 * ({@code ipk_...}, stored only as its SHA-256 hash in the shared {@code auth} database and
 * created or revoked through incident-service's admin API); the bootstrap admin key from
 * {@code INCIDENTS_API_KEY}; or, when an issuer is configured, an OIDC/JWT access token issued
 * for one of the configured audiences (required), whose claim values grant only the scopes they
 * are explicitly mapped to. Scopes: {@code incidents:read}, {@code incidents:write},
 * {@code integrations:admin} and {@code admin} (which implies the others).
 *
 * <p>Rules every service gets: health probes, OpenAPI documents and Swagger UI are public
 * (the documents can be closed by configuration); {@code GET /api/**} needs incidents:read,
 * other methods incidents:write; admin paths need admin. A service names its own public paths
 * (status page, webhooks that authenticate by integration key) in configuration.
 */
package org.incidentplatform.security;
