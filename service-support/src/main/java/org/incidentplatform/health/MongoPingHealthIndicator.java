package org.incidentplatform.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * UP when the service's MongoDB database answers {@code ping} within the timeout. The timeout
 * covers server selection too, so a probe against an unreachable MongoDB answers DOWN in about
 * that time instead of after the driver's 30 s server-selection timeout.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabaseFactory databases;
    private final Duration timeout;

    public MongoPingHealthIndicator(MongoDatabaseFactory databases, Duration timeout) {
        super("MongoDB did not answer ping");
        this.databases = databases;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        databases.getMongoDatabase()
                .withTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .runCommand(new Document("ping", 1));
        builder.up();
    }
}
