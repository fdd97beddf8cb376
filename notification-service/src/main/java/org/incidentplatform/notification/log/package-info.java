/**
 * The {@code log} channel: every notification becomes one structured log line. It needs no
 * credentials, so it works in the embedded default and in tests, and it leaves a trail that
 * log search can find even where no chat tool is configured.
 */
package org.incidentplatform.notification.log;
