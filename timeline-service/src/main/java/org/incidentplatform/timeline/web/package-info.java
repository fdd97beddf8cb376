/**
 * HTTP concerns that every feature of the service shares: failures that are not a feature's
 * own become RFC 9457 problem details, like the errors Spring MVC itself reports.
 */
package org.incidentplatform.timeline.web;
