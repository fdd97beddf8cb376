/**
 * HTTP concerns that every feature of the service shares: problem details for invalid
 * parameters and unavailable dependencies (RFC 9457, like the errors Spring MVC itself
 * reports), and the parts of the OpenAPI document common to all endpoints.
 */
package org.incidentplatform.timeline.web;
