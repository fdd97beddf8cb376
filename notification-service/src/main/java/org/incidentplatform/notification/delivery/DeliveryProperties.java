package org.incidentplatform.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.delivery}: how the worker retries.
 *
 * @param maxAttempts    attempts before a delivery is dead-lettered
 * @param initialBackOff delay before the second attempt; doubles per attempt, with jitter
 * @param maxBackOff     the longest delay between attempts
 * @param lease          how long a worker owns a delivery while sending; longer than any send may take
 * @param pollInterval   how often the worker looks for due deliveries
 * @param workers        sends that may run at once (different targets or incidents)
 * @param sweepInterval  how often every open delivery is put back into its queue (crash safety net)
 * @param maxRetryAfter  the longest pause a receiver's Retry-After may impose on a target; longer asks are cut to it
 * @param roundSpacing   while rounds keep finding work, the least time from one round's start to the next's (and
 *                       the same for outcome writes), so a round under load carries many deliveries; a round after
 *                       a quiet spell starts at once. Zero turns it off ({@link RoundPacing})
 */
@ConfigurationProperties("notifications.delivery")
public record DeliveryProperties(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("2s") Duration initialBackOff,
        @DefaultValue("5m") Duration maxBackOff,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("8") int workers,
        @DefaultValue("60s") Duration sweepInterval,
        @DefaultValue("1h") Duration maxRetryAfter,
        @DefaultValue("50ms") Duration roundSpacing) {
}
