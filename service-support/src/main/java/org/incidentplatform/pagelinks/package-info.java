/**
 * Acknowledge links in pages: signed by notification-service, checked by incident-service, with
 * one secret shared by both ({@code PAGE_LINK_SECRET}).
 */
package org.incidentplatform.pagelinks;
