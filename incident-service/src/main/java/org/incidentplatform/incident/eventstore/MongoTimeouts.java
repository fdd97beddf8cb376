package org.incidentplatform.incident.eventstore;

import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * How long a MongoDB operation may wait before it fails. The driver's defaults (30 s to find a
 * server, no socket timeout) make a write during an outage hang for half a minute before the
 * client gets its 503; these bounds make it fail fast, so callers retry against a healthy
 * instance or after Retry-After.
 *
 * @param serverSelectionTimeout how long an operation waits for a usable server (primary for writes)
 * @param connectTimeout         how long opening a connection may take
 * @param socketTimeout          how long one read on an open connection may take; bounds a server
 *                               that accepted the request and stopped answering
 */
@ConfigurationProperties("incidents.mongo")
record MongoTimeouts(Duration serverSelectionTimeout, Duration connectTimeout, Duration socketTimeout) {

    MongoTimeouts {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofSeconds(3) : serverSelectionTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(30) : socketTimeout;
    }

    /**
     * Runs before Spring Boot applies the connection string, so options written in
     * {@code MONGODB_URI} ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS},
     * {@code socketTimeoutMS}) still win over these properties.
     */
    static final class Customizer implements MongoClientSettingsBuilderCustomizer, Ordered {

        private final MongoTimeouts timeouts;

        Customizer(MongoTimeouts timeouts) {
            this.timeouts = timeouts;
        }

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                            timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket
                            .connectTimeout(timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(timeouts.socketTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
