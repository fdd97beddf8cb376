/**
 * What a notification channel is: {@link org.incidentplatform.notification.channel.NotificationChannel}
 * sends one {@link org.incidentplatform.notification.channel.Dispatch} (one or more updates of
 * one incident) to one target. Each channel (log, Slack, Slack-compatible webhooks, e-mail,
 * Teams, signed webhooks) lives in its own package and knows nothing of Kafka or of the
 * delivery log; deciding what to send where, when, and never twice, happens in {@code routing}
 * and {@code delivery}.
 */
package org.incidentplatform.notification.channel;
