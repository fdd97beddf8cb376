/**
 * What every HTTP request shares: who is acting, the correlation id that ties a request to the
 * events it caused, and RFC 9457 problem details for every error.
 */
package org.incidentplatform.incident.web;
