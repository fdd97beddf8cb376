/**
 * Delivery: turning each incident event into notifications on every channel, exactly once per
 * (event, channel, target), and the delivery log that proves it, in the {@code deliveries}
 * collection and at {@code GET /api/v1/deliveries}.
 *
 * <p>A delivery record is inserted before anything is sent, under the id
 * {@code <eventId>:<channel>:<target>}. The insert is the claim: a redelivered event hits the
 * duplicate key and sends nothing again. Only a delivery whose send failed is claimed again,
 * when the error handler retries the event.
 */
package org.incidentplatform.notification.delivery;
