package org.incidentplatform.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Bounded waits for every MongoDB call. The driver's defaults wait forever for a socket read and
 * two minutes for a pooled connection, so a stalled server holds a consumer thread (and its
 * partition) or a request thread with no error to act on. With these bounds a call fails with a
 * timeout that the consumers' error handler recognises as transient and retries with back-off.
 * Applied before the connection string, so options written in {@code MONGODB_URI}
 * ({@code socketTimeoutMS}, {@code waitQueueTimeoutMS}, ...) still win, as in incident-service,
 * which sets its own bounds ({@code MongoTimeouts}) and does not consume.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration")
@ConditionalOnBooleanProperty(name = "incidents.consumer.enabled", matchIfMissing = true)
public class MongoTimeoutsAutoConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer boundedMongoTimeouts(
            @Value("${incidents.mongo.connect-timeout:5s}") Duration connect,
            @Value("${incidents.mongo.socket-timeout:10s}") Duration socket,
            @Value("${incidents.mongo.server-selection-timeout:5s}") Duration serverSelection,
            @Value("${incidents.mongo.wait-queue-timeout:5s}") Duration waitQueue) {
        return settings -> settings
                .applyToSocketSettings(s -> s.connectTimeout(Math.toIntExact(connect.toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(socket.toMillis()), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(p -> p.maxWaitTime(waitQueue.toMillis(), TimeUnit.MILLISECONDS));
    }
}
