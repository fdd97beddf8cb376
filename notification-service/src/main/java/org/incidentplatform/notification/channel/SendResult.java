package org.incidentplatform.notification.channel;

/**
 * A send that the receiver accepted.
 *
 * @param responseCode the receiver's status code where there is one, else null
 * @param updatesSent  how many of the dispatch's updates, from the oldest, the send covered
 */
public record SendResult(Integer responseCode, int updatesSent) {

    public static SendResult all(Integer responseCode, Dispatch dispatch) {
        return new SendResult(responseCode, dispatch.updates().size());
    }
}
