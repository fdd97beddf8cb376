package org.incidentplatform.notification.channel;

/**
 * One message about one incident event for one target of a channel.
 *
 * @param incidentId the incident it is about
 * @param eventId    the CloudEvent that caused it
 * @param eventType  its CloudEvents type name
 * @param target     where within the channel it goes (a Slack channel, an address), or
 *                   {@code default} for channels without targets
 * @param text       the message, in words a responder reads
 */
public record Notification(String incidentId, String eventId, String eventType, String target, String text) {
}
