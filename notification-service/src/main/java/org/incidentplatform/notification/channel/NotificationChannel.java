package org.incidentplatform.notification.channel;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A way of telling people about an incident: a log, a chat tool, e-mail, a webhook. A channel
 * only sends; queueing, retries, rate limits and the delivery log are the worker's job.
 */
public interface NotificationChannel {

    /** Stable short name, part of every delivery id: never rename a channel in use. */
    String name();

    /** The targets that are configured (and so can be routed to); the others are skipped. */
    Set<String> targets();

    /**
     * Whether this channel can send to the target now. For configured channels, the configured
     * targets; a paging channel sends to people's own addresses, which no rule routes to.
     */
    default boolean accepts(String target) {
        return targets().contains(target);
    }

    /** Where to go instead once deliveries to this target are dead-lettered. */
    default Optional<RouteTarget> fallback(String target) {
        return Optional.empty();
    }

    /** The least time between two sends to one target; zero for no limit. */
    default Duration minInterval() {
        return Duration.ZERO;
    }

    /**
     * Whether several queued updates for one incident may go out as one message. Chat and
     * e-mail say yes (people want the latest state, not a flood); a webhook receiver wants every
     * event.
     */
    default boolean coalesces() {
        return false;
    }

    /**
     * Sends the dispatch, or throws {@link DeliveryFailure} (any other exception counts as a
     * failure without a response code).
     *
     * @return how it went; it may cover only the first updates, the rest are sent at the next slot
     */
    SendResult send(Dispatch dispatch);
}
