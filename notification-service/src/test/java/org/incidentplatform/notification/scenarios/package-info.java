/**
 * End-to-end scenarios: events published on the real embedded Kafka, deliveries made by the
 * worker to GreenMail and the fake Slack, Teams and webhook receivers, checked as their users see them.
 */
package org.incidentplatform.notification.scenarios;
