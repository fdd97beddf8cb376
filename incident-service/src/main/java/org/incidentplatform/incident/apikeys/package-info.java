/**
 * The admin API for API keys: create one (its secret is shown once), list them, revoke one.
 * Keys live in the shared auth database that every service checks; see
 * {@code org.incidentplatform.security} in service-support.
 */
package org.incidentplatform.incident.apikeys;
