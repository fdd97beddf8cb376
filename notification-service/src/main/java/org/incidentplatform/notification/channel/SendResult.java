package org.incidentplatform.notification.channel;

/**
 * A send that the receiver accepted.
 *
 * @param responseCode the receiver's status code where there is one, else null
 * @param updatesSent  how many of the dispatch's updates, from the oldest, the send covered
 * @param cancelled    why nothing was sent, or null when it was
 */
public record SendResult(Integer responseCode, int updatesSent, String cancelled) {

    public SendResult(Integer responseCode, int updatesSent) {
        this(responseCode, updatesSent, null);
    }

    public static SendResult all(Integer responseCode, Dispatch dispatch) {
        return new SendResult(responseCode, dispatch.updates().size());
    }

    /**
     * Nothing was sent, on purpose, and nothing ever will be for these updates: a page's delayed
     * contact that came due after the incident was answered. Recorded as CANCELLED with the reason.
     */
    public static SendResult cancelled(String reason, Dispatch dispatch) {
        return new SendResult(null, dispatch.updates().size(), reason);
    }
}
