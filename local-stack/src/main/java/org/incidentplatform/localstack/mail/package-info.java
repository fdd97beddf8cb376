/**
 * The local stack's mail catcher: an SMTP server on this machine that keeps every message
 * notification-service sends, and a page that lists them, so that the e-mail channel runs for real
 * on ./run.sh and nothing leaves the machine. Messages live in memory until the stack stops.
 */
package org.incidentplatform.localstack.mail;
