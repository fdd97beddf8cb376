/**
 * Paging people: each {@code PersonPaged} event becomes one delivery per contact of the paged
 * person ({@code page-email}, {@code page-slack}, {@code page-sms}, {@code page-voice},
 * {@code page-ntfy}), due at once or after the contact's delay, through the same delivery
 * machinery as every message (receipts, retries, delivery events). Each page carries a signed,
 * expiring, single-use acknowledge link to incident-service. SMS and voice go through Twilio's
 * REST API with the team's own account; push through an ntfy server.
 */
package org.incidentplatform.notification.paging;
