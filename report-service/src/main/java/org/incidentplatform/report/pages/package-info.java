/**
 * Page deliveries: which of a page's contacts were reached and when (or why not), read from
 * notification-service's delivery topic, so the post-mortem can show each page with its delivery.
 */
package org.incidentplatform.report.pages;
