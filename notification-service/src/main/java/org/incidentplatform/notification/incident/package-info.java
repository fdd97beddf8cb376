/**
 * The small per-incident state notification-service keeps (severity, services and components,
 * status, title) because routing and messages need it and most events do not carry it. Folded
 * from the incident topic; rebuilt by replaying it.
 */
package org.incidentplatform.notification.incident;
