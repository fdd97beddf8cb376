/**
 * Microsoft Teams: an Adaptive Card per incident update, posted to an incoming webhook, with
 * people's words neutralised for the card's Markdown.
 */
package org.incidentplatform.notification.teams;
