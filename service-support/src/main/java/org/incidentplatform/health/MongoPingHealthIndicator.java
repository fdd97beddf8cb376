package org.incidentplatform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** UP when the service's MongoDB database answers {@code ping}. */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabaseFactory databases;

    public MongoPingHealthIndicator(MongoDatabaseFactory databases) {
        super("MongoDB did not answer ping");
        this.databases = databases;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        databases.getMongoDatabase().runCommand(new Document("ping", 1));
        builder.up();
    }
}
