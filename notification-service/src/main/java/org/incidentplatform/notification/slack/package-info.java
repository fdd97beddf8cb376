/**
 * Slack: the Web API channel ({@code slack}, Slack's official Java SDK: a parent message per
 * incident kept current with {@code chat.update}, updates as thread replies) and the
 * incoming-webhook channel ({@code slack-webhook}, also for Mattermost). Slack allows about one
 * message per second per channel; the worker spaces sends and coalesces queued updates.
 */
package org.incidentplatform.notification.slack;
