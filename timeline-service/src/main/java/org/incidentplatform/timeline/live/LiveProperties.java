package org.incidentplatform.timeline.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the live streams.
 *
 * @param heartbeat      how often every stream gets a comment line: keeps proxies from closing
 *                       idle connections and finds dead clients
 * @param maxSubscribers streams this instance serves at once; one more gets a 503
 * @param timeout        how long one stream lasts before the client must reconnect
 */
@ConfigurationProperties("timeline.live")
record LiveProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("200") int maxSubscribers,
        @DefaultValue("30m") Duration timeout) {
}
