package org.incidentplatform.notification.delivery;

import java.time.Instant;

/**
 * One try at sending a delivery, as the delivery record keeps it.
 *
 * @param number        1 for the first try, counting on across replays
 * @param outcome       DELIVERED or FAILED
 * @param responseCode  the receiver's status code, null when there was no response
 * @param latencyMillis how long the send took
 * @param error         what went wrong, null on success
 * @param sentWith      the delivery whose message carried this one when several were coalesced
 */
public record Attempt(int number, Instant at, String outcome, Integer responseCode, long latencyMillis, String error,
        String sentWith) {
}
