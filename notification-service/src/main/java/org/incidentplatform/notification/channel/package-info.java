/**
 * What a notification channel is: {@link org.incidentplatform.notification.channel.NotificationChannel}
 * sends one {@link org.incidentplatform.notification.channel.Notification} to one target. Each
 * channel (log today, Slack and email next) lives in its own package and knows nothing of
 * Kafka or of the delivery log; deciding what to send where, and never twice, happens in
 * {@code delivery}.
 */
package org.incidentplatform.notification.channel;
