/** Short-lived caches of admin data that every opened incident consults (escalation policies, maintenance windows). */
package org.incidentplatform.incident.caching;
